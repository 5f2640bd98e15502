package dev.apigw.emulator.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cached Lambda authorizer answers, keyed by authorizer and identity-source values, each kept for the authorizer's
 * {@code authorizerResultTtlInSeconds} by the gateway's clock. The answer is kept, not its verdict: a policy is
 * evaluated again against each request's ARN [K].
 *
 * <p>A Caffeine cache whose ticker is the gateway clock (so a test's {@code clock().advance} expires entries) and
 * whose size is bounded, so clients sending endless distinct tokens cannot grow it without limit.
 *
 * @param <A> what the function answered, as parsed
 */
final class AuthorizerCache<A> {
    /** Far above what a local API sees; only there so the cache cannot grow without bound. */
    private static final long MAX_ENTRIES = 10_000;

    private final Cache<Key, Entry<A>> entries;

    private record Key(String authorizer, List<String> identity) {}

    private record Entry<A>(A answer, long ttlNanos) {}

    AuthorizerCache(Clock clock) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<Key, Entry<A>>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry<A> entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry<A> entry, long now, long current) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry<A> entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The answer cached for this identity, or null when there is none or it expired. */
    @Nullable A get(String authorizer, List<String> identity) {
        Entry<A> entry = entries.getIfPresent(new Key(authorizer, List.copyOf(identity)));
        return entry == null ? null : entry.answer();
    }

    void put(String authorizer, List<String> identity, A answer, int ttlSeconds) {
        entries.put(new Key(authorizer, List.copyOf(identity)), new Entry<>(answer, ttlSeconds * 1_000_000_000L));
    }

    void clear() {
        entries.invalidateAll();
    }
}
