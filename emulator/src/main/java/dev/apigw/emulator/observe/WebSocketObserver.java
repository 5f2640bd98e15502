package dev.apigw.emulator.observe;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Sees what a WebSocket API does, on the thread that does it: keep it short and never throw. The WebSocket side
 * reports facts (a connection opened or ended, a frame came in or went out, what was refused, what a route's
 * integration answered); each observer decides what they mean: which CloudWatch metric counts them, what the live
 * feed shows, what the traffic would cost. {@link #all} fans one report out to several observers.
 */
public interface WebSocketObserver {

    /** Sees nothing: the default until a gateway wires its observers in. */
    WebSocketObserver NONE = new WebSocketObserver() {};

    /** A handshake completed: the connection is open. */
    default void connected(String connectionId) {}

    /**
     * A text frame came from the client.
     *
     * @param routeKey the route that takes it, or null when none does
     * @param size the frame's size in UTF-8 bytes, measured once by the WebSocket side for every observer
     */
    default void received(String connectionId, @Nullable String routeKey, String data, int size) {}

    /**
     * API Gateway answered before any integration ran: an authorizer refused {@code $connect}, or no route took a
     * message.
     *
     * @param routeKey null for a message no route took
     */
    default void refused(@Nullable String routeKey, int status) {}

    /**
     * A route ran ({@code $connect}, {@code $disconnect} or a message's route).
     *
     * @param status what the integration answered (200 when the route has no integration)
     * @param failed the integration could not be called or failed (function error, timeout, unreachable backend)
     * @param integrationLatency how long the integration took; null when none ran or it was a mock
     */
    default void routed(String routeKey, int status, boolean failed, @Nullable Duration integrationLatency) {}

    /**
     * A frame went to the client: a route response, an error frame, a {@code @connections} post.
     *
     * @param routeKey the route that answered, or null when no route did
     * @param size the frame's size in UTF-8 bytes, measured once by the WebSocket side for every observer
     */
    default void sentToClient(String connectionId, @Nullable String routeKey, String data, int size) {}

    /**
     * A connection ended, from either side.
     *
     * @param connectedFor how long it was open
     */
    default void disconnected(String connectionId, int closeCode, Duration connectedFor) {}

    /** Reports to every observer in order; one that throws is logged and the others still see the fact. */
    static WebSocketObserver all(List<WebSocketObserver> observers) {
        List<WebSocketObserver> each = List.copyOf(observers);
        if (each.isEmpty()) {
            return NONE;
        }
        if (each.size() == 1) {
            return each.get(0);
        }
        return new WebSocketObserver() {
            @Override
            public void connected(String connectionId) {
                each.forEach(observer -> safely(observer, () -> observer.connected(connectionId)));
            }

            @Override
            public void received(String connectionId, @Nullable String routeKey, String data, int size) {
                each.forEach(observer -> safely(observer,
                        () -> observer.received(connectionId, routeKey, data, size)));
            }

            @Override
            public void refused(@Nullable String routeKey, int status) {
                each.forEach(observer -> safely(observer, () -> observer.refused(routeKey, status)));
            }

            @Override
            public void routed(String routeKey, int status, boolean failed, @Nullable Duration integrationLatency) {
                each.forEach(observer -> safely(observer,
                        () -> observer.routed(routeKey, status, failed, integrationLatency)));
            }

            @Override
            public void sentToClient(String connectionId, @Nullable String routeKey, String data, int size) {
                each.forEach(observer -> safely(observer,
                        () -> observer.sentToClient(connectionId, routeKey, data, size)));
            }

            @Override
            public void disconnected(String connectionId, int closeCode, Duration connectedFor) {
                each.forEach(observer -> safely(observer,
                        () -> observer.disconnected(connectionId, closeCode, connectedFor)));
            }
        };
    }

    private static void safely(WebSocketObserver observer, Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(WebSocketObserver.class).warn("WebSocket observer {} failed: {}", observer,
                    e.toString());
        }
    }
}
