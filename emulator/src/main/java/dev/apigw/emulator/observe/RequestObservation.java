package dev.apigw.emulator.observe;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline learns about one request while serving it; one request, one thread (but for a function's log
 * lines, which {@link IntegrationCapture} takes on any thread).
 */
public final class RequestObservation {
    private final long startNanos = System.nanoTime();
    private final IntegrationTrace trace;
    private @Nullable MatchedRoute route;
    private Caller caller = Caller.ANONYMOUS;
    private @Nullable String errorType;
    private @Nullable String errorMessage;
    private @Nullable String validationErrorString;
    private long integrationStartNanos;
    private @Nullable Duration integrationLatency;

    /** An observation of the request's outline only: route, caller, error, timings. */
    public RequestObservation() {
        this(false);
    }

    /**
     * @param integrationDetails also capture what the integration sends and receives and the function's log lines
     *     (for the request journal); without it, {@link #trace()} records nothing and no bytes are kept
     */
    public RequestObservation(boolean integrationDetails) {
        this.trace = integrationDetails ? new IntegrationCapture() : IntegrationTrace.NONE;
    }

    /** Where the integration invokers report their traffic (through the {@code Exchange}). */
    public IntegrationTrace trace() {
        return trace;
    }

    public void route(MatchedRoute matched) {
        this.route = matched;
    }

    public void caller(Caller admitted) {
        this.caller = admitted;
    }

    public void error(String responseType, @Nullable String message) {
        error(responseType, message, null);
    }

    /** @param validationErrorString {@code $context.error.validationErrorString} of a request validation failure */
    public void error(String responseType, @Nullable String message, @Nullable String validationErrorString) {
        this.errorType = responseType;
        this.errorMessage = message;
        this.validationErrorString = validationErrorString;
    }

    public void integrationStarts() {
        integrationStartNanos = System.nanoTime();
    }

    public void integrationEnds() {
        integrationLatency = Duration.ofNanos(System.nanoTime() - integrationStartNanos);
    }

    public ObservedRequest finish(GatewayRequest request, RequestContext context, GatewayResponse response) {
        return new ObservedRequest(request, route, context, caller, response, errorType, errorMessage,
                Duration.ofNanos(System.nanoTime() - startNanos), integrationLatency, trace, validationErrorString);
    }
}
