package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket API, from apigw's own {@code x-apigw-websocket} extension (AWS cannot import WebSocket APIs from
 * OpenAPI): the route selection expression and the routes.
 */
public record WebSocketApi(
        String title,
        String routeSelectionExpression,
        @Nullable String apiKeySelectionExpression,
        List<WebSocketRoute> routes,
        Map<String, Authorizer> authorizers)
        implements Api {

    public WebSocketApi {
        requireNonNull(title, "title");
        requireNonNull(routeSelectionExpression, "routeSelectionExpression");
        routes = List.copyOf(routes);
        authorizers = Map.copyOf(authorizers);
        if (routes.stream().map(WebSocketRoute::routeKey).distinct().count() != routes.size()) {
            throw new IllegalArgumentException("duplicate route keys in " + title);
        }
    }

    public Optional<WebSocketRoute> route(String routeKey) {
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst();
    }

    @Override
    public ApiType type() {
        return ApiType.WEBSOCKET;
    }
}
