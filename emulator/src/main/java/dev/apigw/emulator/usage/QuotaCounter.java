package dev.apigw.emulator.usage;

import dev.apigw.emulator.usage.UsagePlans.Quota;
import java.time.Instant;

/** Counts one API key's requests in the current quota period and starts again when a new period begins. */
final class QuotaCounter {
    private final Quota quota;
    private Instant periodStart = Instant.MIN;
    private int used;

    QuotaCounter(Quota quota) {
        this.quota = quota;
    }

    /** Counts a request if the quota allows it; {@code false} means the quota is exhausted for this period. */
    synchronized boolean tryCount(Instant now) {
        Instant start = quota.periodStart(now);
        if (!start.equals(periodStart)) {
            periodStart = start;
            used = 0;
        }
        if (used >= quota.limit()) {
            return false;
        }
        used++;
        return true;
    }
}
