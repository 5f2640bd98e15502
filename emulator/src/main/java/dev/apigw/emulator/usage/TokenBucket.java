package dev.apigw.emulator.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The token bucket API Gateway throttles with: it holds at most {@code burstLimit} tokens, starts full, refills at
 * {@code rateLimit} tokens per second and each request takes one token. Time comes from the injected {@link Clock}
 * only, so a test clock drives it deterministically. See
 * <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html">
 * throttling</a>.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Throttle throttle;
    private final Clock clock;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(Throttle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
        this.tokens = throttle.burstLimit();
        this.refilledAt = clock.instant();
    }

    /** Takes one token if there is one; {@code false} means the request is throttled. */
    synchronized boolean tryAcquire() {
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / NANOS_PER_SECOND;
            tokens = Math.min(throttle.burstLimit(), tokens + seconds * throttle.rateLimit());
        }
        // A clock set backwards only moves the reference point; it never removes tokens.
        refilledAt = now;
    }
}
