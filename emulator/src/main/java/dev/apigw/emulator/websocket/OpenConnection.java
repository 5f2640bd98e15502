package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One open WebSocket connection: what AWS knows of it ({@link WebSocketEvent.Connection}), its socket, when it was
 * last active, and the frames the gateway sent it (kept for tests, bounded).
 */
public final class OpenConnection {
    private static final int KEPT_FRAMES = 1_000;

    private final WebSocketEvent.Connection info;
    private final Session session;
    private final AtomicLong lastActiveAt;
    private final List<String> sentFrames = new ArrayList<>();

    OpenConnection(WebSocketEvent.Connection info, Session session) {
        this.info = info;
        this.session = session;
        this.lastActiveAt = new AtomicLong(info.connectedAtEpochMillis());
    }

    public String id() {
        return info.connectionId();
    }

    public WebSocketEvent.Connection info() {
        return info;
    }

    public Instant connectedAt() {
        return Instant.ofEpochMilli(info.connectedAtEpochMillis());
    }

    public Instant lastActiveAt() {
        return Instant.ofEpochMilli(lastActiveAt.get());
    }

    void touch() {
        lastActiveAt.set(System.currentTimeMillis());
    }

    /** Sends a text frame; false when the socket is already closed. */
    boolean send(String frame) {
        if (!session.isOpen()) {
            return false;
        }
        // Recorded before the write: a client that has the frame must find it in sentFrames().
        synchronized (sentFrames) {
            sentFrames.add(frame);
            if (sentFrames.size() > KEPT_FRAMES) {
                sentFrames.remove(0);
            }
        }
        // One write at a time per socket: @connections posts and route responses may come from several threads.
        synchronized (session) {
            try {
                session.getRemote().sendString(frame);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    void close(int status, String reason) {
        try {
            session.close(status, reason);
        } catch (RuntimeException e) {
            // A socket that is already gone needs nothing more.
        }
    }

    /** The frames sent to this connection, oldest first. */
    public List<String> sentFrames() {
        synchronized (sentFrames) {
            return List.copyOf(sentFrames);
        }
    }
}
