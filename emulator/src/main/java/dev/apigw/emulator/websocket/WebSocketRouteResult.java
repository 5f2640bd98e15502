package dev.apigw.emulator.websocket;

import org.jspecify.annotations.Nullable;

/**
 * What a route's integration produced: a failure (the function failed or timed out, the backend could not be reached,
 * a template failed — already logged), or a status with the text a route response would send back.
 *
 * @param status decides {@code $connect}: 2xx accepts the handshake, anything else refuses it with that status
 * @param frame the route response's frame; null when the integration has nothing to send back
 * @param subprotocol the {@code Sec-WebSocket-Protocol} a {@code $connect} integration selected
 */
record WebSocketRouteResult(boolean failed, int status, @Nullable String frame, @Nullable String subprotocol) {

    static WebSocketRouteResult failure() {
        return new WebSocketRouteResult(true, 500, null, null);
    }

    static WebSocketRouteResult of(int status, @Nullable String frame) {
        return new WebSocketRouteResult(false, status, frame, null);
    }

    boolean accepted() {
        return !failed && status >= 200 && status < 300;
    }
}
