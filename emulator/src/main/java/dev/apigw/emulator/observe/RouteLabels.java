package dev.apigw.emulator.observe;

import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.emulator.routing.RouteEntry;
import org.jspecify.annotations.Nullable;

/**
 * The one way apigw names a route to people (dashboard overview, route statistics, live feed, request journal):
 * an HTTP API route by its route key as written ({@code GET /pets/{id}}, {@code $default}), a REST method by its
 * declared method and resource ({@code GET /pets/{id}}, {@code ANY /{proxy+}}).
 */
public final class RouteLabels {
    /** The statistics bucket of requests no route took (Missing Authentication Token, Not Found, a preflight). */
    public static final String UNROUTED = "(no route)";

    private RouteLabels() {}

    /** The label of the route that took a request; null when none did. */
    public static @Nullable String of(@Nullable MatchedRoute route) {
        if (route == null) {
            return null;
        }
        if (route.routeKey() != null) {
            return route.routeKey();
        }
        if (route.httpRoute() != null) {
            return route.httpRoute().key().toString();
        }
        // The declared method (ANY for an ANY method), not the request's verb: both route tables set method() or a
        // route key. Only a route built in code without its model (apigw render) has nothing but the verb.
        String method = route.method() != null ? route.method().httpMethod().name() : route.httpMethod();
        return rest(method, route.resourcePath());
    }

    /** The label of a line of the compiled route table. */
    public static String of(RouteEntry entry) {
        String keyOrResource = entry.routeKeyOrResource();
        // REST resources start with '/'; HTTP API route keys start with a method or are $default.
        return keyOrResource.startsWith("/") ? rest(entry.method(), keyOrResource) : keyOrResource;
    }

    /** A REST method's label from its declared method and resource path. */
    public static String rest(String declaredMethod, String resourcePath) {
        return declaredMethod + " " + resourcePath;
    }
}
