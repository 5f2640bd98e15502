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

    /** Ends a connection: gone for {@code @connections} at once, remembered as recently closed. */
    Optional<OpenConnection> remove(String connectionId, int closeCode) {
        OpenConnection removed = open.remove(connectionId);
        if (removed == null) {
            return Optional.empty();
        }
        Instant closedAt = Instant.now();
        removed.ended(closeCode, closedAt);
        // A slim record, not the connection: its socket and the frames kept for tests are let go.
        ClosedConnection remembered = ClosedConnection.of(removed, closedAt, closeCode);
        synchronized (closed) {
            closed.addFirst(remembered);
            if (closed.size() > KEPT_CLOSED) {
                closed.removeLast();
            }
        }
        return Optional.of(removed);
    }

    public Optional<OpenConnection> get(String connectionId) {
        return Optional.ofNullable(open.get(connectionId));
    }

    /** The open connections. */
    public List<OpenConnection> all() {
        Collection<OpenConnection> values = open.values();
        return List.copyOf(values);
    }

    /** The last {@link #KEPT_CLOSED} closed connections, newest first. */
    public List<ClosedConnection> recentlyClosed() {
        synchronized (closed) {
            return List.copyOf(closed);
        }
    }

    /** Forgets the closed connections (a per-test reset). */
    public void forgetClosed() {
        synchronized (closed) {
            closed.clear();
        }
    }
}
