package dev.apigw.emulator.observe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long each stage of the request pipeline took, in milliseconds to 3 decimals; null for a stage the request
 * never reached (a request the authorizer refused has no meter, validate or integration time). A stage that
 * refused the request counts as reached: its time is until the refusal.
 *
 * @param route matching the request to a route
 * @param authorize access control: the resource policy, then the route's authorizer
 * @param meter the usage plan, API key and throttle checks
 * @param validate request validation
 * @param integration the integration call, request and response mapping included
 * @param respond header remapping, CORS, rendering a gateway response, request ids
 */
public record StageTimings(@Nullable Double route, @Nullable Double authorize, @Nullable Double meter,
        @Nullable Double validate, @Nullable Double integration, @Nullable Double respond) {

    /** No stage recorded: a request observed without stage marks. */
    public static final StageTimings NONE = new StageTimings(null, null, null, null, null, null);

    /**
     * The stages from the nanosecond marks at their ends (0 = not reached), each measured from the end of the last
     * stage reached before it.
     */
    static StageTimings of(long startNanos, long routed, long authorized, long metered, long validated,
            long integrated, long finished) {
        long[] ends = {routed, authorized, metered, validated, integrated, finished};
        @Nullable Double[] millis = new Double[ends.length];
        long previous = startNanos;
        for (int stage = 0; stage < ends.length; stage++) {
            if (ends[stage] != 0) {
                millis[stage] = DashboardJson.millis(Duration.ofNanos(Math.max(0, ends[stage] - previous)));
                previous = ends[stage];
            }
        }
        return new StageTimings(millis[0], millis[1], millis[2], millis[3], millis[4], millis[5]);
    }
}
