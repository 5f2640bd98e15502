package dev.apigw.emulator.websocket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connections of one WebSocket API: the open ones (the only mutable registry, reset between tests) and the last
 * {@link #KEPT_CLOSED} closed ones, for the dashboard.
 */
public final class Connections {
    /** How many closed connections are remembered. */
    public static final int KEPT_CLOSED = 50;

    private final Map<String, OpenConnection> open = new ConcurrentHashMap<>();
    private final ArrayDeque<ClosedConnection> closed = new ArrayDeque<>();
    private final Map<String, CompletableFuture<Void>> opening = new ConcurrentHashMap<>();

    /**
     * A connection {@code $connect} accepted, whose 101 is on its way. The server writes the 101 before it opens the
     * session, so a client can hold its connection (and a backend its id) a moment before it is open here; lookups
     * through {@link #await} wait for it instead of answering 410 Gone.
     */
    public void opening(String connectionId) {
        opening.put(connectionId, new CompletableFuture<>());
    }

    /** A handshake that never opened (the client went away after {@code $connect}): lookups stop waiting for it. */
    public void notOpened(String connectionId) {
        settle(connectionId);
    }

    void add(OpenConnection connection) {
        open.put(connection.id(), connection);
        settle(connection.id());
    }

    private void settle(String connectionId) {
        CompletableFuture<Void> pending = opening.remove(connectionId);
        if (pending != null) {
            pending.complete(null);
        }
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

    /** The open connection, after waiting up to {@code patience} for one still {@link #opening}. */
    public Optional<OpenConnection> await(String connectionId, Duration patience) {
        CompletableFuture<Void> pending = opening.get(connectionId);
        if (pending != null) {
            try {
                pending.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Not open in time: it is gone, as AWS answers for a connection it does not have.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return get(connectionId);
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
