package dev.apigw.emulator.websocket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One call of a route's integration: the connection, the route, the event type and the ids of this request, and what
 * the event type carries (the message body, or the close status and reason). Every integration kind reads what it
 * needs from it: Lambda proxy builds AWS's event, mapping templates build {@code $context} and {@code $input}.
 *
 * @param eventType {@code CONNECT}, {@code MESSAGE} or {@code DISCONNECT}
 * @param messageId MESSAGE only
 * @param body MESSAGE only: the frame's text
 */
record WebSocketRouteCall(WebSocketEvent.Connection connection, String routeKey, String eventType, String requestId,
        @Nullable String messageId, Instant time, @Nullable String body, int disconnectStatusCode,
        String disconnectReason) {

    static WebSocketRouteCall connect(WebSocketEvent.Connection connection) {
        return new WebSocketRouteCall(connection, "$connect", "CONNECT", ConnectionIds.requestId(), null, Instant.now(),
                null, 0, "");
    }

    static WebSocketRouteCall message(WebSocketEvent.Connection connection, String routeKey, String requestId,
            String body) {
        return new WebSocketRouteCall(connection, routeKey, "MESSAGE", requestId, ConnectionIds.messageId(),
                Instant.now(), body, 0, "");
    }

    static WebSocketRouteCall disconnect(WebSocketEvent.Connection connection, int statusCode, String reason) {
        return new WebSocketRouteCall(connection, "$disconnect", "DISCONNECT", ConnectionIds.requestId(), null,
                Instant.now(), null, statusCode, reason);
    }

    /** The same call for the connection as its authorizer left it: same request id and time. */
    WebSocketRouteCall withConnection(WebSocketEvent.Connection authorized) {
        return new WebSocketRouteCall(authorized, routeKey, eventType, requestId, messageId, time, body,
                disconnectStatusCode, disconnectReason);
    }

    /** The Lambda proxy event of this call (AWS-REFERENCE 3.3). */
    byte[] proxyEvent() {
        return switch (eventType) {
            case "CONNECT" -> WebSocketEvent.connect(connection, requestId, time);
            case "DISCONNECT" -> WebSocketEvent.disconnect(connection, requestId, time, disconnectStatusCode,
                    disconnectReason);
            default -> WebSocketEvent.message(connection, routeKey, messageId == null ? "" : messageId, requestId,
                    time, body == null ? "" : body, false);
        };
    }
}
