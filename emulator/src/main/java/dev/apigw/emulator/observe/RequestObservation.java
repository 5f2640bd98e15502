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
    // The ends of the pipeline's stages, System.nanoTime(); 0 = not reached.
    private long routed;
    private long authorized;
    private long metered;
    private long validated;
    private long integrated;

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

    /** Route matching passed (a route took the request, or a preflight no route takes is answered). */
    public void routed() {
        routed = System.nanoTime();
    }

    /** Access control (resource policy, authorizer) let the request in. */
    public void authorized() {
        authorized = System.nanoTime();
    }

    /** The usage plan, API key and throttle checks let the request in. */
    public void metered() {
        metered = System.nanoTime();
    }

    /** Request validation passed. */
    public void validated() {
        validated = System.nanoTime();
    }

    /**
     * The stage in progress refused the request (or failed): it ends now, and no later stage is reached. The
     * stages before it were passed and marked so. The integration stage ends on its own
     * ({@link #integrationEnds()}), so only the stages before it are ended here.
     */
    public void stageFailed() {
        long now = System.nanoTime();
        if (routed == 0) {
            routed = now;
        } else if (authorized == 0) {
            authorized = now;
        } else if (metered == 0) {
            metered = now;
        } else if (validated == 0 && integrationStartNanos == 0) {
            validated = now;
        }
    }

    public void integrationStarts() {
        integrationStartNanos = System.nanoTime();
    }

    public void integrationEnds() {
        integrated = System.nanoTime();
        integrationLatency = Duration.ofNanos(integrated - integrationStartNanos);
    }

    public ObservedRequest finish(GatewayRequest request, RequestContext context, GatewayResponse response) {
        long finished = System.nanoTime();
        return new ObservedRequest(request, route, context, caller, response, errorType, errorMessage,
                Duration.ofNanos(finished - startNanos), integrationLatency, trace, validationErrorString,
                StageTimings.of(startNanos, routed, authorized, metered, validated, integrated, finished));
    }
}
