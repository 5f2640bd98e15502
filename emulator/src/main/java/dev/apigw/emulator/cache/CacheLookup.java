package dev.apigw.emulator.cache;

import dev.apigw.emulator.GatewayResponse;
import org.jspecify.annotations.Nullable;

/** What the stage cache says of one request, before its integration is called. */
public sealed interface CacheLookup {

    /** The method is not cached: call the integration and keep nothing. */
    record NotCached() implements CacheLookup {
        @Override
        public @Nullable String warning() {
            return null;
        }
    }

    /**
     * Answer with the cached integration response, without calling the integration.
     *
     * @param warning a header value to add to the response (an ignored {@code Cache-Control}), or null
     */
    record Hit(GatewayResponse response, @Nullable String warning) implements CacheLookup {}

    /** Call the integration, and keep its response for {@code ttlSeconds} under {@code key}. */
    record Miss(CacheKey key, int ttlSeconds, @Nullable String warning) implements CacheLookup {}

    CacheLookup NOT_CACHED = new NotCached();

    /** A {@code Warning} header value for the response (an ignored {@code Cache-Control}), or null. */
    @Nullable String warning();
}
