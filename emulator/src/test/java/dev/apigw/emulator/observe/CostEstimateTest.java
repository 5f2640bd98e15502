package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.model.ApiType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The cost estimate's metering: 32 KB WebSocket messages, started connection minutes, one price table. */
class CostEstimateTest {

    @Test
    void websocket_messages_are_metered_in_32_kb_increments_and_connections_in_started_minutes() {
        CostEstimate cost = new CostEstimate(ApiType.WEBSOCKET);
        cost.received("a", "$default", "x".repeat(32 * 1024), 32 * 1024);
        cost.sentToClient("a", "$default", "x".repeat(33 * 1024), 33 * 1024);
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

    @Test
    void rest_calls_refused_before_the_integration_are_not_billed_and_http_calls_are() {
        CostEstimate rest = new CostEstimate(ApiType.REST);
        CostEstimate http = new CostEstimate(ApiType.HTTP);
        for (String errorType : new String[] {null, "UNAUTHORIZED", "INVALID_API_KEY", "THROTTLED",
                "MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_FAILURE", "BAD_REQUEST_BODY"}) {
            rest.observed(request(errorType));
            http.observed(request(errorType));
        }

        // Billed: the answered call, the failed integration and the failed request validation.
        assertThat(rest.report(List.of()).lines().get(0).quantity()).isEqualTo(3);
        assertThat(rest.report(List.of()).note()).contains("not counted");
        assertThat(http.report(List.of()).lines().get(0).quantity()).isEqualTo(7);
        assertThat(http.report(List.of()).note()).isEqualTo(CostEstimate.NOTE);
    }

    private static ObservedRequest request(@Nullable String errorType) {
        RequestContext context = new RequestContext("id", "ext", Instant.parse("2026-11-27T17:00:00Z"),
                "000000000000", "a1b2c3d4e5", "dep", "localhost", "localhost", "HTTP/1.1", "127.0.0.1", "test", null);
        return new ObservedRequest(GatewayRequest.of("GET", "/dev/pets/7"), null, context, Caller.ANONYMOUS,
                new GatewayResponse(200, Headers.empty(), new byte[0]), errorType, null, Duration.ofMillis(1), null);
    }
}
