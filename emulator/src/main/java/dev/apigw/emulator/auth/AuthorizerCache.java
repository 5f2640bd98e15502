package dev.apigw.emulator.auth;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Cached Lambda authorizer answers, keyed by authorizer and identity-source values, each kept for the authorizer's
 * {@code authorizerResultTtlInSeconds} by the gateway's clock. The answer is kept, not its verdict: a policy is
 * evaluated again against each request's ARN [K].
 *
 * <p>A map with expiry times (Caffeine is not a dependency of this module); entries are dropped when read after
 * they expire, and the map is emptied by {@link #clear()}.
 *
 * @param <A> what the function answered, as parsed
 */
final class AuthorizerCache<A> {
    private final Clock clock;
    private final Map<Key, Entry<A>> entries = new ConcurrentHashMap<>();

    private record Key(String authorizer, List<String> identity) {}

    private record Entry<A>(A answer, long expiresAtMillis) {}

    AuthorizerCache(Clock clock) {
        this.clock = clock;
    }

    /** The answer cached for this identity, or null when there is none or it expired. */
    @Nullable A get(String authorizer, List<String> identity) {
        Key key = new Key(authorizer, List.copyOf(identity));
        Entry<A> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.answer();
    }

    void put(String authorizer, List<String> identity, A answer, int ttlSeconds) {
        entries.put(new Key(authorizer, List.copyOf(identity)),
                new Entry<>(answer, clock.millis() + ttlSeconds * 1000L));
    }

    void clear() {
        entries.clear();
    }
}
