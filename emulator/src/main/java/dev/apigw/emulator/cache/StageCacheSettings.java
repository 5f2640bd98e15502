package dev.apigw.emulator.cache;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A REST stage's cache settings, as API Gateway's stage and method settings hold them.
 *
 * @param ttlSeconds the stage's default TTL for cached methods (AWS: 300 by default, at most 3600, 0 = no caching);
 *     only {@code GET} methods are cached by default, as on AWS
 * @param methodTtls per-method overrides keyed {@code /pets/{id}/GET} (like the route throttles): a positive TTL
 *     caches that method whatever its verb, 0 turns caching off for it
 * @param requireAuthorizationForCacheControl whether a {@code Cache-Control: max-age=0} needs the caller to be allowed
 *     {@code execute-api:InvalidateCache} (AWS's console default: yes)
 * @param unauthorizedStrategy what happens to such a header from a caller who is not allowed
 */
public record StageCacheSettings(int ttlSeconds, Map<String, Integer> methodTtls,
        boolean requireAuthorizationForCacheControl, UnauthorizedCacheControlHeaderStrategy unauthorizedStrategy) {

    public static final int DEFAULT_TTL_SECONDS = 300;
    public static final int MAX_TTL_SECONDS = 3600;
    /** No caching: the stage's cache cluster is off. */
    public static final StageCacheSettings OFF = new StageCacheSettings(0, Map.of(), true,
            UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);

    public StageCacheSettings {
        checkTtl(ttlSeconds, "the stage cache TTL");
        methodTtls.forEach((key, ttl) -> checkTtl(ttl, "the cache TTL of " + key));
        methodTtls = Collections.unmodifiableMap(new LinkedHashMap<>(methodTtls));
        requireNonNull(unauthorizedStrategy, "unauthorizedStrategy");
    }

    private static void checkTtl(int ttl, String what) {
        if (ttl < 0 || ttl > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException(what + " must be 0 (off) to " + MAX_TTL_SECONDS + " seconds, was " + ttl);
        }
    }

    /** The stage cache on with {@code ttlSeconds} for GET methods, other settings as they are. */
    public StageCacheSettings withTtl(int ttlSeconds) {
        return new StageCacheSettings(ttlSeconds, methodTtls, requireAuthorizationForCacheControl,
                unauthorizedStrategy);
    }

    /** One method's override ({@code /pets/GET}, TTL 0 = not cached). */
    public StageCacheSettings withMethod(String key, int ttlSeconds) {
        Map<String, Integer> methods = new LinkedHashMap<>(methodTtls);
        methods.put(key, ttlSeconds);
        return new StageCacheSettings(this.ttlSeconds, methods, requireAuthorizationForCacheControl,
                unauthorizedStrategy);
    }

    /**
     * Nothing cached, method overrides included, as a stage whose cache cluster is disabled; who may invalidate stays
     * as set, for when caching is turned on again.
     */
    public StageCacheSettings withoutCaching() {
        return OFF.withInvalidation(requireAuthorizationForCacheControl, unauthorizedStrategy);
    }

    public StageCacheSettings withInvalidation(boolean requireAuthorization,
            UnauthorizedCacheControlHeaderStrategy strategy) {
        return new StageCacheSettings(ttlSeconds, methodTtls, requireAuthorization, strategy);
    }

    /** Whether any method is cached at all. */
    public boolean enabled() {
        return ttlSeconds > 0 || methodTtls.values().stream().anyMatch(ttl -> ttl > 0);
    }

    /** A method's TTL in seconds: its override, else the stage's for GET, else 0 (not cached). */
    public int ttlOf(String resourcePath, String declaredMethod) {
        Integer override = methodTtls.get(resourcePath + "/" + declaredMethod);
        if (override != null) {
            return override;
        }
        return "GET".equals(declaredMethod) ? ttlSeconds : 0;
    }
}
