package dev.apigw.emulator.usage;

import dev.apigw.emulator.MutableClock;
import dev.apigw.emulator.usage.ApiKeys.Subscription;
import dev.apigw.emulator.usage.MeterResult.Admitted;
import dev.apigw.emulator.usage.MeterResult.Refused;
import dev.apigw.emulator.usage.UsagePlans.Quota;
import dev.apigw.emulator.usage.UsagePlans.UsagePlan;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The meter stage of the pipeline: API key check, usage-plan throttle, usage-plan quota, the stage's method (or
 * route) throttle else its default throttle, and the account throttle, in that order. Usage-plan throttles and
 * quotas count per API key; stage throttles count per stage and method; the account throttle (AWS's
 * {@link Throttle#ACCOUNT_DEFAULT} unless raised) counts every request. What is counted lives in
 * {@link UsageCounters}, which every stage of a server shares. A request
 * refused by one check still used up what the earlier checks counted, and refused requests never count against
 * the quota. See <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html">
 * throttling</a> and <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html">
 * usage plans</a>.
 *
 * <pre>{@code
 * UsageMeter meter = UsageMeter.of(UsagePlans.read(path), new Throttle(100, 50), Clock.systemUTC());
 * MeterResult result = meter.admit(method.apiKeyRequired(), apiKey, "/pets/{id}", "GET", null, "prod");
 * }</pre>
 */
public final class UsageMeter {
    private static final String KEY_SEPARATOR = "\u0000";

    private final ApiKeys apiKeys;
    private final @Nullable Throttle stageThrottle;
    private final Map<String, Throttle> stageMethodThrottles;
    private final UsageCounters counters;

    private UsageMeter(UsagePlans plans, @Nullable Throttle stageThrottle, Map<String, Throttle> stageMethodThrottles,
            UsageCounters counters) {
        this.apiKeys = new ApiKeys(plans);
        this.stageThrottle = stageThrottle;
        this.stageMethodThrottles = Map.copyOf(stageMethodThrottles);
        this.counters = counters;
    }

    /**
     * @param stageThrottle the stage's default method throttle, or {@code null} for none
     * @param clock drives buckets and quota periods; pass a {@link MutableClock} in tests
     */
    public static UsageMeter of(UsagePlans plans, @Nullable Throttle stageThrottle, Clock clock) {
        return new UsageMeter(plans, stageThrottle, Map.of(), new UsageCounters(Throttle.ACCOUNT_DEFAULT, clock));
    }

    /**
     * @param stageMethodThrottles the stage's method settings, replacing {@code stageThrottle} for their methods:
     *     keyed {@code /pets/{id}/GET} (REST) or by route key {@code GET /pets/{id}} (HTTP APIs)
     * @param accountThrottle the account's throttle over every request, {@link Throttle#ACCOUNT_DEFAULT} unless raised
     */
    public static UsageMeter of(UsagePlans plans, @Nullable Throttle stageThrottle,
            Map<String, Throttle> stageMethodThrottles, Throttle accountThrottle, Clock clock) {
        return new UsageMeter(plans, stageThrottle, stageMethodThrottles, new UsageCounters(accountThrottle, clock));
    }

    /**
     * A stage's meter counting into {@code counters}, which the server's other stages (and the stage's canary) share.
     *
     * @param stageMethodThrottles as in {@link #of(UsagePlans, Throttle, Map, Throttle, Clock)}
     */
    public static UsageMeter of(UsagePlans plans, @Nullable Throttle stageThrottle,
            Map<String, Throttle> stageMethodThrottles, UsageCounters counters) {
        return new UsageMeter(plans, stageThrottle, stageMethodThrottles, counters);
    }

    /**
     * Decides whether a request goes on.
     *
     * @param apiKeyRequired the method's {@code apiKeyRequired}; usage plans meter only such methods
     * @param apiKey the {@code x-api-key} header or the authorizer's {@code usageIdentifierKey}, per the API's
     *     {@code apiKeySource}; {@code null} when absent
     * @param resourcePath the matched resource path, e.g. {@code /pets/{id}}
     * @param httpMethod the method as declared on the resource, e.g. {@code GET} or {@code ANY}: each declared method
     *     has a stage throttle bucket of its own
     * @param routeKey the HTTP API route key, null on REST APIs
     */
    public MeterResult admit(boolean apiKeyRequired, @Nullable String apiKey, String resourcePath, String httpMethod,
            @Nullable String routeKey, String stage) {
        Admitted admitted = Admitted.ANONYMOUS;
        if (apiKeyRequired) {
            Optional<Subscription> subscription =
                    apiKey == null || apiKey.isEmpty() ? Optional.empty() : apiKeys.find(apiKey, stage);
            if (subscription.isEmpty()) {
                return Refused.INVALID_API_KEY;
            }
            Optional<Refused> refused = meterPlan(subscription.get(), resourcePath, httpMethod);
            if (refused.isPresent()) {
                return refused.get();
            }
            admitted = new Admitted(subscription.get().key().value(), subscription.get().key().apiKeyId());
        }
        // Stage limits apply per method, each with a bucket of its own; a method's own settings replace the stage
        // default for it [D api-gateway-request-throttling: "applied at the API method level for a stage"].
        if (stageThrottle != null || !stageMethodThrottles.isEmpty()) {
            String method = routeKey != null ? routeKey : resourcePath + "/" + httpMethod;
            Throttle stageMethod = stageMethodThrottles.getOrDefault(method, stageThrottle);
            if (stageMethod != null && !bucket(stageMethod, "stage", stage, method).tryAcquire()) {
                return Refused.THROTTLED;
            }
        }
        if (!counters.account().tryAcquire()) {
            return Refused.THROTTLED;
        }
        return admitted;
    }

    /** Forgets every bucket and quota count, as if no request had been made (per-test reset), in every stage. */
    public void reset() {
        counters.reset();
    }

    private Optional<Refused> meterPlan(Subscription subscription, String resourcePath, String httpMethod) {
        UsagePlan plan = subscription.plan();
        String key = subscription.key().value();
        String methodKey = methodKey(plan.methodThrottling(), resourcePath, httpMethod);
        if (methodKey != null) {
            Throttle throttle = plan.methodThrottling().get(methodKey);
            if (!bucket(throttle, "method", plan.name(), key, methodKey).tryAcquire()) {
                return Optional.of(Refused.THROTTLED);
            }
        } else if (plan.throttle() != null && !bucket(plan.throttle(), "plan", plan.name(), key).tryAcquire()) {
            return Optional.of(Refused.THROTTLED);
        }
        Quota quota = plan.quota();
        if (quota != null) {
            QuotaCounter counter = counters.quota(id(plan.name(), key), quota);
            if (!counter.tryCount(counters.clock().instant())) {
                return Optional.of(Refused.QUOTA_EXCEEDED);
            }
        }
        return Optional.empty();
    }

    // AWS keys methodThrottling by "{resourcePath}/{httpMethod}"; an ANY method is also found by a concrete verb.
    private static @Nullable String methodKey(Map<String, Throttle> throttles, String resourcePath, String httpMethod) {
        for (String candidate : new String[] {resourcePath + "/" + httpMethod, resourcePath + "/ANY"}) {
            if (throttles.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private TokenBucket bucket(Throttle throttle, String... idParts) {
        return counters.bucket(throttle, id(idParts));
    }

    private static String id(String... parts) {
        return String.join(KEY_SEPARATOR, parts);
    }
}
