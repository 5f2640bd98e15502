package dev.apigw.emulator.usage;

/**
 * AWS's {@code ThrottleSettings}: a steady-state {@code rateLimit} in requests per second and a {@code burstLimit}, the
 * capacity of the token bucket.
 */
public record Throttle(double rateLimit, int burstLimit) {
    /** The default account-level throttle per Region: 10 000 requests per second, burst 5 000. */
    public static final Throttle ACCOUNT_DEFAULT = new Throttle(10_000, 5_000);

    public Throttle {
        if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException("rateLimit must be a finite number >= 0, found " + rateLimit);
        }
        if (burstLimit < 0) {
            throw new IllegalArgumentException("burstLimit must be >= 0, found " + burstLimit);
        }
    }
}
