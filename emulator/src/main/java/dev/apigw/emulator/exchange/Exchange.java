package dev.apigw.emulator.exchange;

import static java.util.Objects.requireNonNull;

import java.util.List;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * One request on its way through the pipeline: the request as received, the route that serves it, the request
 * context and what an authorizer said of it. Immutable; each stage reads it and returns its own result.
 *
 * @param binaryMediaTypes the API's {@code x-amazon-apigateway-binary-media-types} (empty on HTTP APIs)
 * @param caller who the access-control stages let in, and with which API key
 * @param trace where the integration reports what it sent and received (the request journal)
 */
public record Exchange(GatewayRequest request, MatchedRoute route, RequestContext context, List<String> binaryMediaTypes,
        Caller caller, IntegrationTrace trace) {

    public Exchange {
        requireNonNull(request, "request");
        requireNonNull(route, "route");
        requireNonNull(context, "context");
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        requireNonNull(caller, "caller");
        requireNonNull(trace, "trace");
    }

    /** An exchange whose integration traffic nobody records. */
    public Exchange(GatewayRequest request, MatchedRoute route, RequestContext context, List<String> binaryMediaTypes,
            Caller caller) {
        this(request, route, context, binaryMediaTypes, caller, IntegrationTrace.NONE);
    }

    /** An exchange of an anonymous caller. */
    public Exchange(GatewayRequest request, MatchedRoute route, RequestContext context, List<String> binaryMediaTypes) {
        this(request, route, context, binaryMediaTypes, Caller.ANONYMOUS);
    }
}
