package dev.apigw.emulator.websocket;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one WebSocket API: the open ones (the only mutable registry, reset between tests) and the last
 * {@link #KEPT_CLOSED} closed ones, for the dashboard.
 */
public final class Connections {
    /** How many closed connections are remembered. */
    public static final int KEPT_CLOSED = 50;

    private final Map<String, OpenConnection> open = new ConcurrentHashMap<>();
    private final ArrayDeque<ClosedConnection> closed = new ArrayDeque<>();

    void add(OpenConnection connection) {
        open.put(connection.id(), connection);
    }

    /**
     * Ends a connection: gone for {@code @connections} at once, remembered as recently closed. Both happen under the
     * lock {@link #snapshot()} takes, so a listing never misses a connection between the two.
     */
    Optional<OpenConnection> remove(String connectionId, int closeCode) {
        synchronized (closed) {
            OpenConnection removed = open.remove(connectionId);
            if (removed == null) {
                return Optional.empty();
            }
            Instant closedAt = Instant.now();
            removed.ended(closeCode, closedAt);
            // A slim record, not the connection: its socket and the frames kept for tests are let go.
            closed.addFirst(ClosedConnection.of(removed, closedAt, closeCode));
            if (closed.size() > KEPT_CLOSED) {
                closed.removeLast();
            }
            return Optional.of(removed);
        }
    }

    /** The open and the recently closed connections at one moment (the dashboard's listing). */
    public record Snapshot(List<OpenConnection> open, List<ClosedConnection> recentlyClosed) {}

    public Snapshot snapshot() {
        synchronized (closed) {
            return new Snapshot(List.copyOf(open.values()), List.copyOf(closed));
        }
    }

    public Optional<OpenConnection> get(String connectionId) {
        return Optional.ofNullable(open.get(connectionId));
    }

    /** The open connections. */
    public List<OpenConnection> all() {
        Collection<OpenConnection> values = open.values();
        return List.copyOf(values);
    }

    /** Forgets the closed connections (a per-test reset). */
    public void forgetClosed() {
        synchronized (closed) {
            closed.clear();
        }
    }
}
