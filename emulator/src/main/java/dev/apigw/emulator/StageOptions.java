package dev.apigw.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.apigw.emulator.cache.StageCacheSettings;
import org.jspecify.annotations.Nullable;

/**
 * One of several stages served at once: what it sets over the config's shared settings, as each AWS stage has its
 * own variables, canary, throttling, cache and access logging. Whatever a stage leaves unset is the shared setting.
 *
 * @param variables this stage's stage variables; a name here replaces the shared variable of that name
 * @param canary the stage's canary in place of the shared one, or null to keep the shared one (if any)
 * @param throttle the stage's default method throttle in place of the shared one, or null to keep the shared one
 * @param routeThrottles the stage's method throttles, each over the shared one for the same method or route key
 * @param cache the stage's cache settings in place of the shared ones, or null to keep the shared ones
 * @param accessLog the stage's access log in place of the shared one, or null to keep the shared one
 */
public record StageOptions(Map<String, String> variables, @Nullable Canary canary, @Nullable StageThrottle throttle,
        Map<String, StageThrottle> routeThrottles, @Nullable StageCacheSettings cache,
        @Nullable AccessLogSettings accessLog) {
    public static final StageOptions NONE = new StageOptions(Map.of());

    public StageOptions {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        routeThrottles = Collections.unmodifiableMap(new LinkedHashMap<>(routeThrottles));
    }

    /** A stage with its own variables and the shared settings otherwise. */
    public StageOptions(Map<String, String> variables) {
        this(variables, null, null, Map.of(), null, null);
    }

    /** These options with one more stage variable. */
    public StageOptions withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new StageOptions(more, canary, throttle, routeThrottles, cache, accessLog);
    }

    public StageOptions withCanary(@Nullable Canary newCanary) {
        return new StageOptions(variables, newCanary, throttle, routeThrottles, cache, accessLog);
    }

    public StageOptions withThrottle(@Nullable StageThrottle newThrottle) {
        return new StageOptions(variables, canary, newThrottle, routeThrottles, cache, accessLog);
    }

    /** These options with one more method throttle: {@code /pets/{id}/GET} (REST) or {@code GET /pets/{id}} (HTTP). */
    public StageOptions withRouteThrottle(String key, StageThrottle routeThrottle) {
        Map<String, StageThrottle> more = new LinkedHashMap<>(routeThrottles);
        more.put(key, routeThrottle);
        return new StageOptions(variables, canary, throttle, more, cache, accessLog);
    }

    public StageOptions withCache(@Nullable StageCacheSettings newCache) {
        return new StageOptions(variables, canary, throttle, routeThrottles, newCache, accessLog);
    }

    public StageOptions withAccessLog(@Nullable AccessLogSettings newAccessLog) {
        return new StageOptions(variables, canary, throttle, routeThrottles, cache, newAccessLog);
    }

    /** This stage's config: {@code shared} with what the stage sets over it, serving this stage alone. */
    GatewayConfig.Builder applyTo(GatewayConfig.Builder shared) {
        if (canary != null) {
            shared.canary(canary);
        }
        variables.forEach(shared::stageVariable);
        if (throttle != null) {
            shared.throttle(throttle);
        }
        routeThrottles.forEach(shared::routeThrottle);
        if (cache != null) {
            shared.stageCache(cache);
        }
        if (accessLog != null) {
            shared.accessLog(accessLog.format(), accessLog.file());
        }
        return shared;
    }
}
