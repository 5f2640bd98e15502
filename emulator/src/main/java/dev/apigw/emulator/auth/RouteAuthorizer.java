package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import org.jspecify.annotations.Nullable;

/** One authorization mechanism (a kind of authorizer, or IAM). It answers for the routes that use it only. */
public interface RouteAuthorizer {

    /**
     * The decision for a route that uses this mechanism; null for a route that does not. Reports to {@code trace}
     * which mechanism took the route (and a Lambda authorizer's event and answer) for the request journal.
     */
    @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace);

    /** The decision, with nothing reported (no request journal). */
    default @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request,
            RequestContext context) {
        return authorize(route, request, context, IntegrationTrace.NONE);
    }

    /** Forgets cached decisions (per-test reset). */
    default void clearCache() {}
}
