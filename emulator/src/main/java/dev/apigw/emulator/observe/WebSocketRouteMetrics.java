package dev.apigw.emulator.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The CloudWatch metrics of one WebSocket route (or of the stage, for messages no route took)
 * [D apigateway-websocket-api-logging]: {@code ConnectCount} (requests that reached the {@code $connect} route),
 * {@code MessageCount} (messages from or to the client), {@code ClientError} (4XX answered by API Gateway before the
 * integration), {@code IntegrationError} (4XX/5XX answered by the integration), {@code ExecutionError} (the
 * integration could not be called or failed) and {@code IntegrationLatency} (not for mock integrations).
 */
final class WebSocketRouteMetrics {
    private final Counter connectCount;
    private final Counter messageCount;
    private final Counter clientError;
    private final Counter integrationError;
    private final Counter executionError;
    private final Timer integrationLatency;

    WebSocketRouteMetrics(MeterRegistry registry, Tags dimensions) {
        this.connectCount = MetricsNaming.counter(registry, "ConnectCount", dimensions);
        this.messageCount = MetricsNaming.counter(registry, "MessageCount", dimensions);
        this.clientError = MetricsNaming.counter(registry, "ClientError", dimensions);
        this.integrationError = MetricsNaming.counter(registry, "IntegrationError", dimensions);
        this.executionError = MetricsNaming.counter(registry, "ExecutionError", dimensions);
        this.integrationLatency = MetricsNaming.timer(registry, "IntegrationLatency", dimensions);
    }

    void refused(boolean message, int status) {
        if (message) {
            messageCount.increment();
        }
        if (status >= 400 && status < 500) {
            clientError.increment();
        }
    }

    void routed(boolean connect, boolean message, int status, boolean failed, @Nullable Duration latency) {
        if (connect) {
            connectCount.increment();
        }
        if (message) {
            messageCount.increment();
        }
        if (failed) {
            executionError.increment();
        } else if (status >= 400) {
            integrationError.increment();
            // On AWS a proxy integration's 4XX also counts as ClientError [K awsdocs/amazon-api-gateway-developer-guide#136].
            if (status < 500) {
                clientError.increment();
            }
        }
        if (latency != null) {
            integrationLatency.record(latency);
        }
    }

    void sentToClient() {
        messageCount.increment();
    }
}
