package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A WebSocket API route: {@code $connect}, {@code $disconnect}, {@code $default} or a custom route key.
 *
 * @param integration null for a route without integration ({@code $connect} and {@code $disconnect} may have none)
 * @param authorizer the security scheme named by {@code authorizer} ({@code $connect} only)
 * @param routeResponseSelectionExpression {@code $default} when the route sends the integration's answer back
 */
public record WebSocketRoute(
        String routeKey,
        @Nullable Integration integration,
        @Nullable String authorizer,
        @Nullable String routeResponseSelectionExpression) {

    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";

    public WebSocketRoute {
        requireNonNull(routeKey, "routeKey");
        if (routeKey.isBlank()) {
            throw new IllegalArgumentException("a WebSocket route key must not be blank");
        }
    }

    /** Whether the integration's answer goes back to the client as a frame (a route response is configured). */
    public boolean twoWay() {
        return routeResponseSelectionExpression != null;
    }
}
