package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An HTTP API (API Gateway v2): routes keyed by route key, CORS and authorizers. */
public record HttpApi(String title, List<Route> routes, @Nullable Cors cors, Map<String, Authorizer> authorizers)
        implements Api {

    public HttpApi {
        requireNonNull(title, "title");
        routes = List.copyOf(routes);
        authorizers = Map.copyOf(authorizers);
        long distinct = routes.stream().map(r -> r.key().toString()).distinct().count();
        if (distinct != routes.size()) {
            throw new IllegalArgumentException("duplicate route keys in " + title);
        }
    }

    public static HttpApi of(String title, List<Route> routes) {
        return new HttpApi(title, routes, null, Map.of());
    }

    @Override
    public ApiType type() {
        return ApiType.HTTP;
    }
}
