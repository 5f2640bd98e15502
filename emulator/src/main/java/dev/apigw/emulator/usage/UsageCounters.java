package dev.apigw.emulator.usage;

import dev.apigw.emulator.usage.UsagePlans.Quota;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What throttles and quotas have counted: token buckets by id, quota counts, and the account's bucket. One set is
 * shared by every {@link UsageMeter} of a server, as AWS counts them across stages: the account throttle over every
 * request of the Region, a usage plan's throttle and quota per key over all of the plan's stages, a stage's method
 * throttle over the stage's requests, its canary's included.
 */
public final class UsageCounters {
    private final Throttle accountThrottle;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, QuotaCounter> quotas = new ConcurrentHashMap<>();
    // Every request takes a token from it, so it is kept at hand rather than looked up by name.
    private volatile TokenBucket account;

    /**
     * @param accountThrottle the account's throttle over every request, {@link Throttle#ACCOUNT_DEFAULT} unless raised
     * @param clock drives buckets and quota periods; pass a {@link dev.apigw.emulator.MutableClock} in tests
     */
    public UsageCounters(Throttle accountThrottle, Clock clock) {
        this.accountThrottle = accountThrottle;
        this.clock = clock;
        this.account = new TokenBucket(accountThrottle, clock);
    }

    Clock clock() {
        return clock;
    }

    TokenBucket account() {
        return account;
    }

    TokenBucket bucket(Throttle throttle, String id) {
        return buckets.computeIfAbsent(id, k -> new TokenBucket(throttle, clock));
    }

    QuotaCounter quota(String id, Quota quota) {
        return quotas.computeIfAbsent(id, k -> new QuotaCounter(quota));
    }

    /** Forgets every bucket and quota count, as if no request had been made (per-test reset). */
    public void reset() {
        buckets.clear();
        quotas.clear();
        account = new TokenBucket(accountThrottle, clock);
    }
}
