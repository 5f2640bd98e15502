package dev.apigw.emulator.observe;

import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.HttpMethod;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Per-route state (meters, counters) built once at startup and found for each request by a map lookup, without
 * building a string: REST routes by resource path and declared method, HTTP API (and WebSocket) routes by route key.
 * One place for the rule, so metrics and statistics count a request under the same route.
 */
final class RouteIndex<T> {
    private final Map<String, Map<HttpMethod, T>> rest;
    private final Map<String, T> keys;

    private RouteIndex(Map<String, Map<HttpMethod, T>> rest, Map<String, T> keys) {
        this.rest = rest;
        this.keys = keys;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * The state of the route that took the request; null when the index has none for it. A route built in code
     * without its model (as {@code apigw render} builds them) is found by its label, or for REST by the resource's
     * method for the request's verb, else its ANY method.
     */
    @Nullable T find(MatchedRoute route) {
        if (route.routeKey() != null) {
            return keys.get(route.routeKey());
        }
        if (route.method() != null) {
            Map<HttpMethod, T> methods = rest.get(route.resourcePath());
            return methods == null ? null : methods.get(route.method().httpMethod());
        }
        Map<HttpMethod, T> methods = rest.get(route.resourcePath());
        if (route.httpRoute() != null || methods == null) {
            return keys.get(RouteLabels.of(route));
        }
        for (Map.Entry<HttpMethod, T> method : methods.entrySet()) {
            if (method.getKey() != HttpMethod.ANY && method.getKey().name().equals(route.httpMethod())) {
                return method.getValue();
            }
        }
        return methods.get(HttpMethod.ANY);
    }

    /** The state kept under a route key (an HTTP API's or a WebSocket API's). */
    @Nullable T key(String routeKey) {
        return keys.get(routeKey);
    }

    static final class Builder<T> {
        private final Map<String, Map<HttpMethod, T>> rest = new HashMap<>();
        private final Map<String, T> keys = new HashMap<>();

        Builder<T> rest(String resourcePath, HttpMethod method, T value) {
            rest.computeIfAbsent(resourcePath, path -> new EnumMap<>(HttpMethod.class)).put(method, value);
            return this;
        }

        Builder<T> key(String routeKey, T value) {
            keys.put(routeKey, value);
            return this;
        }

        RouteIndex<T> build() {
            Map<String, Map<HttpMethod, T>> frozen = new HashMap<>();
            rest.forEach((path, methods) -> frozen.put(path, Collections.unmodifiableMap(new EnumMap<>(methods))));
            return new RouteIndex<>(Map.copyOf(frozen), Map.copyOf(keys));
        }
    }
}
