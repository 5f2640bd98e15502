package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** An HTTP API route key: {@code $default}, or a method and a path such as {@code GET /pets/{id}}. */
public record RouteKey(@Nullable HttpMethod method, @Nullable PathTemplate path) {

    public static final String DEFAULT = "$default";

    public RouteKey {
        if ((method == null) != (path == null)) {
            throw new IllegalArgumentException("a route key has both a method and a path, or neither ($default)");
        }
    }

    public static RouteKey defaultRoute() {
        return new RouteKey(null, null);
    }

    public static RouteKey of(HttpMethod method, PathTemplate path) {
        return new RouteKey(requireNonNull(method, "method"), requireNonNull(path, "path"));
    }

    /** Parses {@code $default} or {@code METHOD /path}. */
    public static RouteKey parse(String text) {
        String trimmed = text.trim();
        if (trimmed.equals(DEFAULT)) {
            return defaultRoute();
        }
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("route key '" + text + "' must be $default or 'METHOD /path'");
        }
        return of(HttpMethod.fromSpec(trimmed.substring(0, space)), PathTemplate.parse(trimmed.substring(space + 1).trim()));
    }

    public boolean isDefault() {
        return method == null;
    }

    /** AWS's spelling, as it appears in {@code routeKey} of the 2.0 event. */
    @Override
    public String toString() {
        return isDefault() ? DEFAULT : method + " " + path;
    }
}
