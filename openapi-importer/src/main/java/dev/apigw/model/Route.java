package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An HTTP API route: a route key and its integration. */
public record Route(
        RouteKey key,
        @Nullable String operationId,
        Integration integration,
        List<SecurityRequirement> security,
        @Nullable String authType) {

    public Route {
        requireNonNull(key, "key");
        requireNonNull(integration, "integration");
        security = List.copyOf(security);
    }

    public static Route of(RouteKey key, Integration integration) {
        return new Route(key, null, integration, List.of(), null);
    }
}
