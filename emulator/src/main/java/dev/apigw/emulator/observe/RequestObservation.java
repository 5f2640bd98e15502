package dev.apigw.emulator.observe;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What the pipeline learns about one request while serving it; one request, one thread. */
public final class RequestObservation {
    private final long startNanos = System.nanoTime();
    private @Nullable MatchedRoute route;
    private Caller caller = Caller.ANONYMOUS;
    private @Nullable String errorType;
    private @Nullable String errorMessage;
    private long integrationStartNanos;
    private @Nullable Duration integrationLatency;

    public void route(MatchedRoute matched) {
        this.route = matched;
    }

    public void caller(Caller admitted) {
        this.caller = admitted;
    }

    public void error(String responseType, @Nullable String message) {
        this.errorType = responseType;
        this.errorMessage = message;
    }

    public void integrationStarts() {
        integrationStartNanos = System.nanoTime();
    }

    public void integrationEnds() {
        integrationLatency = Duration.ofNanos(System.nanoTime() - integrationStartNanos);
    }

    public ObservedRequest finish(GatewayRequest request, RequestContext context, GatewayResponse response) {
        return new ObservedRequest(request, route, context, caller, response, errorType, errorMessage,
                Duration.ofNanos(System.nanoTime() - startNanos), integrationLatency);
    }
}
