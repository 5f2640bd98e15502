package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The authorize stage in AWS's order (AWS-REFERENCE 8.9): the resource policy first, then the one mechanism the
 * route uses — IAM, a Lambda, JWT or Cognito authorizer. A route that uses none is let in anonymously.
 */
public final class AccessControl {
    /** How the journal names the resource policy when it is what decided. */
    static final String RESOURCE_POLICY = "resource-policy";

    private final ResourcePolicy resourcePolicy;
    private final List<RouteAuthorizer> mechanisms;

    public AccessControl(ResourcePolicy resourcePolicy, List<RouteAuthorizer> mechanisms) {
        this.resourcePolicy = resourcePolicy;
        this.mechanisms = List.copyOf(mechanisms);
    }

    /**
     * The decision, reported to {@code trace} (the request journal): which mechanism decided, and how. Nothing is
     * reported for a route without authorization (no resource policy, no authorizer).
     */
    public AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace) {
        // Without a journal the trace records nothing: skip even the clock reads.
        boolean tracing = trace != IntegrationTrace.NONE;
        long start = tracing ? System.nanoTime() : 0;
        if (resourcePolicy.isPresent()) {
            Optional<AuthorizationResult.Denied> byPolicy = resourcePolicy.evaluate(
                    MethodArns.of(context, route, request), request.sourceIp());
            if (byPolicy.isPresent()) {
                if (tracing) {
                    trace.authorizerTook(RESOURCE_POLICY, null);
                    report(trace, byPolicy.get(), start);
                }
                return byPolicy.get();
            }
        }
        for (RouteAuthorizer mechanism : mechanisms) {
            long mechanismStart = tracing ? System.nanoTime() : 0;
            AuthorizationResult result = mechanism.authorize(route, request, context, trace);
            if (result != null) {
                if (tracing) {
                    report(trace, result, mechanismStart);
                }
                return result;
            }
        }
        if (tracing && resourcePolicy.isPresent()) {
            trace.authorizerTook(RESOURCE_POLICY, null);
            report(trace, AuthorizationResult.Allowed.ANONYMOUS, start);
        }
        return AuthorizationResult.Allowed.ANONYMOUS;
    }

    private static void report(IntegrationTrace trace, AuthorizationResult result, long startNanos) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
        if (result instanceof AuthorizationResult.Denied denied) {
            trace.authorizationDenied(denied.status(), denied.responseType(), denied.detail(), latency);
        } else {
            trace.authorizationAllowed(latency);
        }
    }

    /** Forgets every cached authorizer decision (per-test reset). */
    public void clearCache() {
        mechanisms.forEach(RouteAuthorizer::clearCache);
    }
}
