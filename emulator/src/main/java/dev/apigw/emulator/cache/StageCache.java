package dev.apigw.emulator.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.Locale;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * A REST stage's response cache (API Gateway's "API cache"): integration responses kept per {@link CacheKey} for
 * their method's TTL, by the gateway's clock, so a test's {@code clock().advance} expires them.
 *
 * <p>A client's {@code Cache-Control: max-age=0} invalidates the request's entry when the caller may: any caller when
 * the stage does not require authorization, else a caller authorized with IAM (SigV4). apigw's IAM credentials carry
 * no policies, so every verified IAM caller holds {@code execute-api:InvalidateCache}; Lambda, JWT and Cognito
 * principals and anonymous callers do not, as on AWS, where the permission is an IAM policy's.
 */
public final class StageCache {
    /** AWS caches responses up to 1,048,576 bytes. */
    public static final int MAX_CACHED_BYTES = 1_048_576;
    /** Far above what a local API sees; only there so the cache cannot grow without bound. */
    private static final long MAX_ENTRIES = 10_000;
    /** apigw's wording: AWS documents that a warning header is added, not its text. */
    static final String IGNORED_WARNING =
            "199 apigw \"Cache-Control ignored: the caller is not authorized to invalidate the cache entry\"";

    private final StageCacheSettings settings;
    private final Cache<CacheKey, Entry> entries;

    private record Entry(GatewayResponse response, long ttlNanos) {}

    public StageCache(StageCacheSettings settings, Clock clock) {
        this.settings = settings;
        this.entries = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<CacheKey, Entry>() {
                    @Override
                    public long expireAfterCreate(CacheKey key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(CacheKey key, Entry entry, long now, long current) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(CacheKey key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /**
     * Whether the request is answered from the cache, goes to the integration and is kept, or is not cached.
     *
     * @throws GatewayException 403 when the caller may not invalidate and the stage says {@code FAIL_WITH_403}
     */
    public CacheLookup lookup(Exchange exchange) {
        MatchedRoute route = exchange.route();
        // Method settings are per method as declared (an ANY method is one method), like the route throttles.
        String declared = route.method() != null ? route.method().httpMethod().name() : route.httpMethod();
        int ttl = settings.ttlOf(route.resourcePath(), declared);
        if (ttl == 0) {
            return CacheLookup.NOT_CACHED;
        }
        CacheKey key = CacheKey.of(exchange.request(), route);
        String warning = null;
        if (asksForInvalidation(exchange)) {
            if (!settings.requireAuthorizationForCacheControl() || exchange.caller().iam() != null) {
                entries.invalidate(key);
                return new CacheLookup.Miss(key, ttl, null);
            }
            switch (settings.unauthorizedStrategy()) {
                case FAIL_WITH_403 -> throw new GatewayException(GatewayError.ACCESS_DENIED,
                        "Cache-Control: max-age=0 from a caller not authorized to invalidate the cache entry");
                case SUCCEED_WITH_RESPONSE_HEADER -> warning = IGNORED_WARNING;
                case SUCCEED_WITHOUT_RESPONSE_HEADER -> { }
            }
        }
        Entry cached = entries.getIfPresent(key);
        return cached != null ? new CacheLookup.Hit(cached.response(), warning)
                : new CacheLookup.Miss(key, ttl, warning);
    }

    /** Keeps an integration response of a missed request, unless it is over AWS's 1 MB limit. */
    public void store(CacheLookup.Miss miss, GatewayResponse response) {
        if (response.body().length <= MAX_CACHED_BYTES) {
            entries.put(miss.key(), new Entry(response, miss.ttlSeconds() * 1_000_000_000L));
        }
    }

    /** Drops every entry (API Gateway's FlushStageCache). */
    public void flush() {
        entries.invalidateAll();
    }

    /** How many entries are cached now (expired ones may still count until the cache cleans up). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** {@code Cache-Control: max-age=0}, alone or among other directives, in any of the request's headers. */
    private static boolean asksForInvalidation(Exchange exchange) {
        for (String value : exchange.request().headers().values("cache-control")) {
            for (String directive : value.split(",")) {
                if (directive.trim().toLowerCase(Locale.ROOT).replace(" ", "").equals("max-age=0")) {
                    return true;
                }
            }
        }
        return false;
    }
}
