package dev.apigw.emulator.observe;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One request as the gateway answered it, for access logs and metrics: what came in, which route took it, who was
 * let in, what went out, and how long it took.
 *
 * @param route null when no route took the request (AWS's Missing Authentication Token / Not Found, a preflight)
 * @param errorType the gateway response type when the gateway itself answered with an error
 *     ({@code $context.error.responseType}), else null
 * @param errorMessage {@code $context.error.message} for such an answer, else null
 * @param latency from the request's arrival to the response ({@code $context.responseLatency})
 * @param integrationLatency how long the integration took ({@code $context.integrationLatency}); null when no
 *     integration was called
 * @param trace what the integration reported it sent and received ({@link IntegrationTrace#NONE} unless the
 *     request journal is on)
 * @param validationErrorString {@code $context.error.validationErrorString} when request validation refused the
 *     request, else null
 * @param stages how long each pipeline stage took ({@link StageTimings#NONE} when not measured)
 */
public record ObservedRequest(GatewayRequest request, @Nullable MatchedRoute route, RequestContext context,
        Caller caller, GatewayResponse response, @Nullable String errorType, @Nullable String errorMessage,
        Duration latency, @Nullable Duration integrationLatency, IntegrationTrace trace,
        @Nullable String validationErrorString, StageTimings stages) {

    public ObservedRequest {
        requireNonNull(request, "request");
        requireNonNull(context, "context");
        requireNonNull(caller, "caller");
        requireNonNull(response, "response");
        requireNonNull(latency, "latency");
        requireNonNull(trace, "trace");
        requireNonNull(stages, "stages");
    }

    /** A request whose pipeline stages nobody timed. */
    public ObservedRequest(GatewayRequest request, @Nullable MatchedRoute route, RequestContext context,
            Caller caller, GatewayResponse response, @Nullable String errorType, @Nullable String errorMessage,
            Duration latency, @Nullable Duration integrationLatency, IntegrationTrace trace,
            @Nullable String validationErrorString) {
        this(request, route, context, caller, response, errorType, errorMessage, latency, integrationLatency, trace,
                validationErrorString, StageTimings.NONE);
    }

    /** A request that no request validation refused. */
    public ObservedRequest(GatewayRequest request, @Nullable MatchedRoute route, RequestContext context,
            Caller caller, GatewayResponse response, @Nullable String errorType, @Nullable String errorMessage,
            Duration latency, @Nullable Duration integrationLatency, IntegrationTrace trace) {
        this(request, route, context, caller, response, errorType, errorMessage, latency, integrationLatency, trace,
                null);
    }

    /** A request whose integration traffic nobody recorded. */
    public ObservedRequest(GatewayRequest request, @Nullable MatchedRoute route, RequestContext context,
            Caller caller, GatewayResponse response, @Nullable String errorType, @Nullable String errorMessage,
            Duration latency, @Nullable Duration integrationLatency) {
        this(request, route, context, caller, response, errorType, errorMessage, latency, integrationLatency,
                IntegrationTrace.NONE);
    }
}
