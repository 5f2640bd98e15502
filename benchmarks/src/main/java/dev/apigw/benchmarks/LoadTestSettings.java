package dev.apigw.benchmarks;

import dev.apigw.emulator.StageThrottle;

/** What a benchmark changes from a gateway's defaults, and why. */
final class LoadTestSettings {
    /**
     * A benchmark calls the gateway faster than AWS's default account throttle (10,000 requests per second) lets
     * through, and would measure 429s; it raises the limit as one asks AWS to. The same value as {@code load.sh}.
     */
    static final StageThrottle ACCOUNT_THROTTLE = StageThrottle.parse("1000000:500000");

    private LoadTestSettings() {
    }
}
