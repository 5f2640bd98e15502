package dev.apigw.emulator.observe;

import dev.apigw.model.Api;

/** CloudWatch-named metrics in Prometheus format. SKELETON: to be implemented. */
public final class GatewayMetrics implements GatewayObserver {

    public static GatewayMetrics create(Api api, String apiId, String stage) {
        return new GatewayMetrics();
    }

    @Override
    public void observed(ObservedRequest request) {}

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return "";
    }
}
