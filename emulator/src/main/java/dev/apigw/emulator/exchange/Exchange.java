package dev.apigw.emulator.exchange;

import static java.util.Objects.requireNonNull;

import java.util.List;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * One request on its way through the pipeline: the request as received, the route that serves it and
 * the request context. Immutable; each stage reads it and returns its own result.
 *
 * @param binaryMediaTypes the API's {@code x-amazon-apigateway-binary-media-types} (empty on HTTP APIs)
 */
public record Exchange(GatewayRequest request, MatchedRoute route, RequestContext context, List<String> binaryMediaTypes) {
    public Exchange {
        requireNonNull(request, "request");
        requireNonNull(route, "route");
        requireNonNull(context, "context");
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
    }
}
