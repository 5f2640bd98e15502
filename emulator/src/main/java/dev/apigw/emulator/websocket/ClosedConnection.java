package dev.apigw.emulator.websocket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A connection that ended, as the dashboard remembers it: a few facts and its last frames, without its socket or
 * the frames kept for tests, so that remembering 50 of them costs little.
 *
 * @param frames its last frames both ways, oldest first; empty when observability is off
 */
public record ClosedConnection(String connectionId, String sourceIp, Instant connectedAt, Instant closedAt,
        int closeCode, List<WebSocketFrame> frames) {

    public ClosedConnection {
        requireNonNull(connectionId, "connectionId");
        requireNonNull(sourceIp, "sourceIp");
        requireNonNull(connectedAt, "connectedAt");
        requireNonNull(closedAt, "closedAt");
        frames = List.copyOf(frames);
    }

    static ClosedConnection of(OpenConnection ended, Instant closedAt, int closeCode) {
        return new ClosedConnection(ended.id(), ended.info().sourceIp(), ended.connectedAt(), closedAt, closeCode,
                ended.frames());
    }
}
