package dev.apigw.emulator;

import java.util.concurrent.CompletableFuture;
import dev.apigw.emulator.cache.CacheLookup;
import dev.apigw.emulator.cache.StageCache;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.integration.FunctionCall;
import dev.apigw.emulator.integration.Integrations;
import dev.apigw.emulator.observe.GatewayMetrics;

/**
 * The integration step behind the stage cache, as API Gateway places it: a hit answers from the cache without
 * calling the integration, a miss calls it and keeps its response, and both count in the method's
 * {@code CacheHitCount} and {@code CacheMissCount}. A method the stage does not cache calls its integration.
 */
final class CachedIntegration {
    private final StageCache cache;
    private final Integrations integrations;
    private final GatewayMetrics metrics;
    private final boolean observability;

    CachedIntegration(StageCache cache, Integrations integrations, GatewayMetrics metrics, boolean observability) {
        this.cache = cache;
        this.integrations = integrations;
        this.metrics = metrics;
        this.observability = observability;
    }

    /** What the exchange finds in the cache; throws as any pipeline step does, e.g. for a forbidden invalidation. */
    CacheLookup lookup(Exchange exchange) {
        return cache.lookup(exchange);
    }

    /** The integration's response for the exchange, from the cache when {@code cached} is a hit. */
    CompletableFuture<GatewayResponse> invoke(Exchange exchange, FunctionCall call, CacheLookup cached) {
        count(exchange, cached);
        if (cached instanceof CacheLookup.Hit hit) {
            exchange.trace().stageCacheHit(hit.response().status());
            return CompletableFuture.completedFuture(hit.response());
        }
        CompletableFuture<GatewayResponse> integrated;
        try {
            integrated = integrations.invokerFor(exchange.route().integration()).invoke(exchange, call);
        } catch (RuntimeException e) {
            integrated = CompletableFuture.failedFuture(e);
        }
        if (cached instanceof CacheLookup.Miss miss) {
            return integrated.thenApply(response -> {
                cache.store(miss, response);
                return response;
            });
        }
        return integrated;
    }

    private void count(Exchange exchange, CacheLookup cached) {
        if (!observability) {
            return;
        }
        if (cached instanceof CacheLookup.Hit) {
            metrics.cacheHit(exchange.route());
        } else if (cached instanceof CacheLookup.Miss) {
            metrics.cacheMiss(exchange.route());
        }
    }
}
