package dev.apigw.emulator.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The CloudWatch metrics of one REST method or HTTP API route (or of the stage, for requests no route took), built
 * once so that recording a request only increments.
 *
 * <p>REST APIs [D api-gateway-metrics-and-dimensions]: {@code Count}, {@code 4XXError}, {@code 5XXError},
 * {@code Latency}, {@code IntegrationLatency}, {@code CacheHitCount}, {@code CacheMissCount}. HTTP APIs [D http-api-metrics]: {@code Count}, {@code 4xx},
 * {@code 5xx}, {@code Latency}, {@code IntegrationLatency}, {@code DataProcessed}. Status codes decide the error
 * metrics, so a gateway response whose status was modified counts by its new status, as AWS counts it [D].
 */
final class RouteMetrics {
    private final Counter count;
    private final Counter clientErrors;
    private final Counter serverErrors;
    private final Timer latency;
    private final Timer integrationLatency;
    private final @Nullable Counter dataProcessed;
    private final @Nullable Counter cacheHits;
    private final @Nullable Counter cacheMisses;

    private RouteMetrics(Counter count, Counter clientErrors, Counter serverErrors, Timer latency,
            Timer integrationLatency, @Nullable Counter dataProcessed, @Nullable Counter cacheHits,
            @Nullable Counter cacheMisses) {
        this.count = count;
        this.clientErrors = clientErrors;
        this.serverErrors = serverErrors;
        this.latency = latency;
        this.integrationLatency = integrationLatency;
        this.dataProcessed = dataProcessed;
        this.cacheHits = cacheHits;
        this.cacheMisses = cacheMisses;
    }

    /** A REST API method's meters: {@code api_name, stage, resource, method}. */
    static RouteMetrics rest(MeterRegistry registry, Tags dimensions) {
        return new RouteMetrics(MetricsNaming.counter(registry, "Count", dimensions),
                MetricsNaming.counter(registry, "4XXError", dimensions),
                MetricsNaming.counter(registry, "5XXError", dimensions),
                MetricsNaming.timer(registry, "Latency", dimensions),
                MetricsNaming.timer(registry, "IntegrationLatency", dimensions), null,
                MetricsNaming.counter(registry, "CacheHitCount", dimensions),
                MetricsNaming.counter(registry, "CacheMissCount", dimensions));
    }

    /** An HTTP API route's meters: {@code api_id, stage, resource, method}. */
    static RouteMetrics http(MeterRegistry registry, Tags dimensions) {
        return new RouteMetrics(MetricsNaming.counter(registry, "Count", dimensions),
                MetricsNaming.counter(registry, "4xx", dimensions),
                MetricsNaming.counter(registry, "5xx", dimensions),
                MetricsNaming.timer(registry, "Latency", dimensions),
                MetricsNaming.timer(registry, "IntegrationLatency", dimensions),
                MetricsNaming.bytes(registry, "DataProcessed", dimensions), null, null);
    }

    /** Only REST APIs have a stage cache; an HTTP API route never counts here. */
    void cacheHit() {
        if (cacheHits != null) {
            cacheHits.increment();
        }
    }

    void cacheMiss() {
        if (cacheMisses != null) {
            cacheMisses.increment();
        }
    }

    void record(ObservedRequest observed) {
        count.increment();
        int status = observed.response().status();
        if (status >= 400 && status < 500) {
            clientErrors.increment();
        } else if (status >= 500) {
            serverErrors.increment();
        }
        latency.record(observed.latency());
        Duration integration = observed.integrationLatency();
        if (integration != null) {
            integrationLatency.record(integration);
        }
        if (dataProcessed != null) {
            // Unconfirmed: AWS says only "the amount of data processed in bytes"; apigw counts both bodies.
            dataProcessed.increment(observed.request().body().length + observed.response().body().length);
        }
    }
}
