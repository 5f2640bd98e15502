package dev.apigw.emulator.observe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Sees what a WebSocket API does, on the thread that does it: keep it short and never throw. The WebSocket side
 * reports facts (what was refused, what a route's integration answered, which frames went out); the observer decides
 * what they mean, e.g. which CloudWatch metric counts them.
 */
public interface WebSocketObserver {

    /** Sees nothing: the default until a gateway wires its metrics in. */
    WebSocketObserver NONE = new WebSocketObserver() {
        @Override
        public void refused(@Nullable String routeKey, int status) {}

        @Override
        public void routed(String routeKey, int status, boolean failed, @Nullable Duration integrationLatency) {}

        @Override
        public void sentToClient(@Nullable String routeKey) {}
    };

    /**
     * API Gateway answered before any integration ran: an authorizer refused {@code $connect}, or no route took a
     * message.
     *
     * @param routeKey null for a message no route took
     */
    void refused(@Nullable String routeKey, int status);

    /**
     * A route ran ({@code $connect}, {@code $disconnect} or a message's route).
     *
     * @param status what the integration answered (200 when the route has no integration)
     * @param failed the integration could not be called or failed (function error, timeout, unreachable backend)
     * @param integrationLatency how long the integration took; null when none ran or it was a mock
     */
    void routed(String routeKey, int status, boolean failed, @Nullable Duration integrationLatency);

    /**
     * A frame went to the client: a route response, an error frame, a {@code @connections} post.
     *
     * @param routeKey the route that answered, or null when no route did
     */
    void sentToClient(@Nullable String routeKey);
}
