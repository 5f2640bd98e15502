package dev.apigw.emulator.routing;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import dev.apigw.model.Integration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of routing: which resource and method (REST) or route (HTTP API) serves the request.
 *
 * @param stage the stage name ({@code $default} for an HTTP API's default stage)
 * @param path the request path without the stage segment, raw (percent-encoding intact, trailing slash kept) —
 *     REST's {@code path} event field
 * @param resourcePath the matched template, e.g. {@code /pets/{id}} (REST {@code resource}); for an HTTP API the
 *     route's path, or {@code $default}
 * @param routeKey the HTTP API route key ({@code GET /pets/{id}}, {@code $default}); null on REST APIs
 * @param resourceId a stable id for the matched resource or route, as AWS's {@code resourceId}
 * @param pathParameters path variables in template order, values raw (not percent-decoded); empty when none
 * @param method the model method (REST) — null on HTTP APIs
 * @param httpRoute the model route (HTTP API) — null on REST APIs
 */
public record MatchedRoute(
        String stage,
        String path,
        String resourcePath,
        @Nullable String routeKey,
        String resourceId,
        String httpMethod,
        Integration integration,
        Map<String, String> pathParameters,
        dev.apigw.model.@Nullable Method method,
        dev.apigw.model.@Nullable Route httpRoute) {

    public MatchedRoute {
        requireNonNull(stage, "stage");
        requireNonNull(path, "path");
        requireNonNull(resourcePath, "resourcePath");
        requireNonNull(resourceId, "resourceId");
        requireNonNull(httpMethod, "httpMethod");
        requireNonNull(integration, "integration");
        pathParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathParameters));
    }

    /** A REST route (or one built in code), without an HTTP API route model. */
    public MatchedRoute(String stage, String path, String resourcePath, @Nullable String routeKey, String resourceId,
            String httpMethod, Integration integration, Map<String, String> pathParameters,
            dev.apigw.model.@Nullable Method method) {
        this(stage, path, resourcePath, routeKey, resourceId, httpMethod, integration, pathParameters, method, null);
    }
}
