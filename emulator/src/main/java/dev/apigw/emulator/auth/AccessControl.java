package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.util.List;
import java.util.Optional;

/**
 * The authorize stage in AWS's order (AWS-REFERENCE 8.9): the resource policy first, then the one mechanism the
 * route uses — IAM, a Lambda, JWT or Cognito authorizer. A route that uses none is let in anonymously.
 */
public final class AccessControl {
    private final ResourcePolicy resourcePolicy;
    private final List<RouteAuthorizer> mechanisms;

    public AccessControl(ResourcePolicy resourcePolicy, List<RouteAuthorizer> mechanisms) {
        this.resourcePolicy = resourcePolicy;
        this.mechanisms = List.copyOf(mechanisms);
    }

    public AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context) {
        if (resourcePolicy.isPresent()) {
            Optional<AuthorizationResult.Denied> byPolicy = resourcePolicy.evaluate(
                    MethodArns.of(context, route, request), request.sourceIp());
            if (byPolicy.isPresent()) {
                return byPolicy.get();
            }
        }
        for (RouteAuthorizer mechanism : mechanisms) {
            AuthorizationResult result = mechanism.authorize(route, request, context);
            if (result != null) {
                return result;
            }
        }
        return AuthorizationResult.Allowed.ANONYMOUS;
    }

    /** Forgets every cached authorizer decision (per-test reset). */
    public void clearCache() {
        mechanisms.forEach(RouteAuthorizer::clearCache);
    }
}
