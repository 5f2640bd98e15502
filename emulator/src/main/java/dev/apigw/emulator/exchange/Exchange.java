package dev.apigw.emulator.exchange;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * One request on its way through the pipeline: the request as received, the route that serves it, the request
 * context and what an authorizer said of it. Immutable; each stage reads it and returns its own result.
 *
 * @param binaryMediaTypes the API's {@code x-amazon-apigateway-binary-media-types} (empty on HTTP APIs)
 * @param authorizer the authorizer's output as {@code requestContext.authorizer} / {@code $context.authorizer} show
 *     it ({@code principalId} and the context values); empty when no authorizer ran
 */
public record Exchange(GatewayRequest request, MatchedRoute route, RequestContext context, List<String> binaryMediaTypes,
        Map<String, Object> authorizer) {

    public Exchange {
        requireNonNull(request, "request");
        requireNonNull(route, "route");
        requireNonNull(context, "context");
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        authorizer = Collections.unmodifiableMap(new LinkedHashMap<>(authorizer));
    }

    /** An exchange without authorizer output. */
    public Exchange(GatewayRequest request, MatchedRoute route, RequestContext context, List<String> binaryMediaTypes) {
        this(request, route, context, binaryMediaTypes, Map.of());
    }
}
