package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import org.jspecify.annotations.Nullable;

/** One authorization mechanism (a kind of authorizer, or IAM). It answers for the routes that use it only. */
public interface RouteAuthorizer {

    /** The decision for a route that uses this mechanism; null for a route that does not. */
    @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context);

    /**
     * The decision, as {@link #authorize(MatchedRoute, GatewayRequest, RequestContext)}, reporting to {@code trace}
     * which mechanism took the route (and a Lambda authorizer's event and answer) for the request journal. A
     * mechanism that has nothing to report need not override it.
     */
    default @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request,
            RequestContext context, IntegrationTrace trace) {
        return authorize(route, request, context);
    }

    /** Forgets cached decisions (per-test reset). */
    default void clearCache() {}
}
