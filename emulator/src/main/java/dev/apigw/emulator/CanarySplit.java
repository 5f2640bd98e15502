package dev.apigw.emulator;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Decides, request by request, whether a stage's canary serves it: at random with the canary's percentage, as AWS
 * does, unless the apigw-only {@value #HEADER} header forces the choice ({@code true} or {@code false}).
 */
final class CanarySplit {
    /** apigw's own request header that picks the canary ({@code true}) or the main variant ({@code false}). */
    static final String HEADER = "X-Apigw-Canary";

    private final double percentTraffic;
    private final @Nullable Long seed;
    /** java.util.Random is thread-safe; with a seed, requests sent one after another are split the same every run. */
    private final Random random;

    CanarySplit(Canary canary) {
        this.percentTraffic = canary.percentTraffic();
        this.seed = canary.seed();
        this.random = seed == null ? new Random() : new Random(seed);
    }

    /** A seeded split starts over from its seed, so that each test of a shared fixture sees the same split. */
    void restart() {
        if (seed != null) {
            random.setSeed(seed);
        }
    }

    /** @param forced the request's {@value #HEADER} header, or null when it has none */
    boolean toCanary(@Nullable String forced) {
        if (forced != null) {
            if (forced.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (forced.trim().equalsIgnoreCase("false")) {
                return false;
            }
        }
        return random.nextDouble() * 100.0 < percentTraffic;
    }
}
