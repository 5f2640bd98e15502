package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection: what AWS knows of it ({@link WebSocketEvent.Connection}), its socket, when it was last
 * active, the frames the gateway sent it (kept for tests, bounded), its last {@link #KEPT_FRAMES} frames both ways
 * (for the dashboard, only when the gateway observes its traffic) and, once it is closed, when and with which code.
 */
public final class OpenConnection {
    private static final int KEPT_SENT_FRAMES = 1_000;
    /** How many frames, both directions, the dashboard can show per connection. */
    public static final int KEPT_FRAMES = 50;

    private final WebSocketEvent.Connection info;
    private final Session session;
    private final AtomicLong lastActiveAt;
    private final List<String> sentFrames = new ArrayList<>();
    /** Null when the gateway does not observe its traffic: then a frame costs nothing more than its write. */
    private final @Nullable ArrayDeque<WebSocketFrame> frames;
    private volatile @Nullable Instant closedAt;
    private volatile int closeCode;

    /** @param keepFrames whether to keep the last frames for the dashboard (observability on) */
    OpenConnection(WebSocketEvent.Connection info, Session session, boolean keepFrames) {
        this.info = info;
        this.session = session;
        this.frames = keepFrames ? new ArrayDeque<>() : null;
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

    /** Whether the connection is still open (not yet ended by either side). */
    public boolean open() {
        return closedAt == null;
    }

    /** When it ended; null while open. */
    public @Nullable Instant closedAt() {
        return closedAt;
    }

    /** The close code it ended with; null while open. */
    public @Nullable Integer closeCode() {
        return closedAt == null ? null : closeCode;
    }

    void ended(int code, Instant at) {
        closeCode = code;
        closedAt = at;
    }

    /** Keeps a frame the client sent, for the dashboard; {@code size} is its UTF-8 size. */
    void received(String frame, @Nullable String routeKey, int size) {
        keep(WebSocketFrame.Direction.IN, routeKey, frame, size);
    }

    /**
     * Sends a text frame; false when the socket is already closed.
     *
     * @param routeKey the route that answered, or null (no route took the message, a {@code @connections} post)
     * @param size the frame's UTF-8 size, for the dashboard
     * @param beforeWrite told of the frame before it is written, so that a client holding it finds it metered
     */
    boolean send(String frame, @Nullable String routeKey, int size, Runnable beforeWrite) {
        if (!session.isOpen()) {
            return false;
        }
        // Recorded before the write: a client that has the frame must find it in sentFrames() and counted.
        synchronized (sentFrames) {
            sentFrames.add(frame);
            if (sentFrames.size() > KEPT_SENT_FRAMES) {
                sentFrames.remove(0);
            }
        }
        keep(WebSocketFrame.Direction.OUT, routeKey, frame, size);
        beforeWrite.run();
        // One write at a time per socket: @connections posts and route responses may come from several threads.
        synchronized (session) {
            try {
                List<String> parts = FrameFragments.of(frame, session.getMaxFrameSize());
                if (parts.size() == 1) {
                    session.getRemote().sendString(frame);
                } else {
                    for (int i = 0; i < parts.size(); i++) {
                        session.getRemote().sendPartialString(parts.get(i), i == parts.size() - 1);
                    }
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Whether this connection keeps its frames for the dashboard. */
    boolean keepsFrames() {
        return frames != null;
    }

    private void keep(WebSocketFrame.Direction direction, @Nullable String routeKey, String text, int size) {
        if (frames == null) {
            return;
        }
        WebSocketFrame frame = WebSocketFrame.of(direction, Instant.now(), routeKey, text, size);
        synchronized (frames) {
            frames.addLast(frame);
            if (frames.size() > KEPT_FRAMES) {
                frames.removeFirst();
            }
        }
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

    /** The last {@link #KEPT_FRAMES} frames both ways, oldest first; empty when observability is off. */
    public List<WebSocketFrame> frames() {
        if (frames == null) {
            return List.of();
        }
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }
}
