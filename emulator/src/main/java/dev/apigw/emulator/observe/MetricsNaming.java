package dev.apigw.emulator.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a CloudWatch metric becomes a Prometheus one, in one place so the rule stays predictable: {@code apigateway_},
 * then the CloudWatch name in snake case, then Prometheus's unit and type suffix. {@code Count} is
 * {@code apigateway_count_total}, {@code 4XXError} is {@code apigateway_4xx_error_total}, {@code Latency} is the
 * histogram {@code apigateway_latency_seconds}, {@code DataProcessed} is {@code apigateway_data_processed_bytes_total}.
 * Dimensions become snake-case labels ({@code ApiName} → {@code api_name}).
 */
final class MetricsNaming {
    /** Splits {@code IntegrationLatency} and {@code 4XXError} into words, keeping {@code 4XX} and {@code 4xx} whole. */
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    /** API Gateway's integration timeout tops out at 29 s; latencies beyond 30 s land in the last bucket. */
    private static final Duration LONGEST_EXPECTED = Duration.ofSeconds(30);

    private MetricsNaming() {}

    /** {@code IntegrationLatency} → {@code apigateway.integration.latency} (Micrometer's dotted form). */
    static String meterName(String cloudWatchName) {
        return "apigateway." + WORD_BOUNDARY.matcher(cloudWatchName).replaceAll(".").toLowerCase(Locale.ROOT);
    }

    static Counter counter(MeterRegistry registry, String cloudWatchName, Tags dimensions) {
        return Counter.builder(meterName(cloudWatchName)).description("CloudWatch " + cloudWatchName)
                .tags(dimensions).register(registry);
    }

    static Counter bytes(MeterRegistry registry, String cloudWatchName, Tags dimensions) {
        return Counter.builder(meterName(cloudWatchName)).description("CloudWatch " + cloudWatchName)
                .baseUnit("bytes").tags(dimensions).register(registry);
    }

    /**
     * A latency, as a histogram: CloudWatch's p50 and p99 statistics are {@code histogram_quantile(0.5, ...)} and
     * {@code histogram_quantile(0.99, ...)} over its buckets, which add up across routes where client-side
     * percentiles would not (Micrometer's Prometheus registry publishes only the buckets when both are asked for).
     */
    static Timer timer(MeterRegistry registry, String cloudWatchName, Tags dimensions) {
        return Timer.builder(meterName(cloudWatchName)).description("CloudWatch " + cloudWatchName)
                .tags(dimensions)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(LONGEST_EXPECTED)
                .register(registry);
    }
}
