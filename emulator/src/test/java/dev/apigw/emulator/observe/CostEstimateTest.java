package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost estimate's metering: 32 KB WebSocket messages, started connection minutes, one price table. */
class CostEstimateTest {

    @Test
    void websocket_messages_are_metered_in_32_kb_increments_and_connections_in_started_minutes() {
        CostEstimate cost = new CostEstimate(ApiType.WEBSOCKET);
        cost.received("a", "$default", "x".repeat(32 * 1024));
        cost.sentToClient("a", "$default", "x".repeat(33 * 1024));
        cost.disconnected("a", 1000, Duration.ofSeconds(61));

        CostEstimate.Report report = cost.report(List.of(Duration.ofSeconds(5)));

        assertThat(report.lines()).extracting(CostEstimate.Line::quantity).containsExactly(3L, 3L);
        assertThat(report.lines()).extracting(CostEstimate.Line::usdPerMillion).containsExactly(1.00, 0.25);
        assertThat(report.totalUsd()).isEqualTo(0.00000375);
        assertThat(report.pricesAsOf()).isEqualTo(CostEstimate.PRICES_AS_OF);

        cost.clear();
        assertThat(cost.report(List.of()).lines()).extracting(CostEstimate.Line::quantity).containsExactly(0L, 0L);
    }

    @Test
    void http_calls_are_metered_in_512_kb_increments() {
        assertThat(CostEstimate.Price.HTTP_CALLS.units(512 * 1024)).isEqualTo(1);
        assertThat(CostEstimate.Price.HTTP_CALLS.units(513 * 1024)).isEqualTo(2);
        assertThat(CostEstimate.Price.HTTP_CALLS.units(0)).isEqualTo(1);
        assertThat(CostEstimate.Price.REST_CALLS.units(10 * 1024 * 1024)).isEqualTo(1);
    }
}
