package dev.apigw.emulator;

import dev.apigw.emulator.observe.Journal;
import dev.apigw.emulator.usage.UsageCounters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What the gateways of one server share across its stages and canaries, as AWS keeps it per account or per API
 * rather than per stage: the throttle and quota counts ({@link UsageCounters}). Also apigw's own views of the
 * server, so that one look covers every stage: the request journal (each entry names its stage) and the metrics
 * registry (each series carries a {@code stage} tag, as CloudWatch's Stage dimension does).
 */
record ServerWide(UsageCounters usage, Journal journal, PrometheusMeterRegistry metrics) {

    /** A fresh set for a server (or a gateway on its own) started with this config. */
    static ServerWide of(GatewayConfig config) {
        return new ServerWide(new UsageCounters(config.accountThrottle().toThrottle(), config.clock()),
                Journal.ofSize(config.observability() ? config.journalSize() : 0),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
}
