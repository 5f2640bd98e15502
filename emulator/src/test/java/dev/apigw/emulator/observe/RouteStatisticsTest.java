package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.MutableClock;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Route statistics: labels, totals, the five-minute ring and the percentiles' accuracy. */
class RouteStatisticsTest {
    private static final Instant START = Instant.parse("2026-11-27T17:00:00Z");
    private static final Integration MOCK = new Integration.Mock(
            IntegrationOptions.defaults(IntegrationOptions.DEFAULT_REST_TIMEOUT_MILLIS));
    private static final List<RouteEntry> REST_TABLE = List.of(
            new RouteEntry("GET", "/dev/pets/{id}", "/pets/{id}", MOCK),
            new RouteEntry("ANY", "/dev/{proxy+}", "/{proxy+}", MOCK));
    /** A request to {@code ANY /{proxy+}} made with POST: counted under the declared method. */
    private static final MatchedRoute ANY_ROUTE = new MatchedRoute("dev", "/x", "/{proxy+}", null, "r2", "POST",
            MOCK, Map.of(), Method.of(HttpMethod.ANY, MOCK));
    private static final MatchedRoute PET_ROUTE = new MatchedRoute("dev", "/pets/7", "/pets/{id}", null, "r1", "GET",
            MOCK, Map.of(), Method.of(HttpMethod.GET, MOCK));

    private static ObservedRequest request(@Nullable MatchedRoute route, int status, Duration latency) {
        RequestContext context = new RequestContext("id", "ext", START, "000000000000", "a1b2c3d4e5", "dep",
                "localhost", "localhost", "HTTP/1.1", "127.0.0.1", "test", null);
        return new ObservedRequest(GatewayRequest.of("GET", "/dev/pets/7"), route, context, Caller.ANONYMOUS,
                new GatewayResponse(status, Headers.empty(), new byte[0]), null, null, latency, null);
    }

    private static RouteStatistics.RouteSummary route(RouteStatistics statistics, String label) {
        return statistics.snapshot().routes().stream().filter(r -> r.route().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void routes_are_listed_from_the_start_and_no_route_only_once_something_unrouted_came() {
        RouteStatistics statistics = RouteStatistics.create(REST_TABLE, MutableClock.at(START));

        assertThat(statistics.snapshot().routes()).extracting(RouteStatistics.RouteSummary::route)
                .containsExactly("GET /pets/{id}", "ANY /{proxy+}");

        statistics.observed(request(ANY_ROUTE, 200, Duration.ofMillis(2)));
        statistics.observed(request(null, 403, Duration.ofMillis(1)));

        assertThat(statistics.snapshot().routes()).extracting(RouteStatistics.RouteSummary::route)
                .containsExactly("GET /pets/{id}", "ANY /{proxy+}", "(no route)");
        assertThat(route(statistics, "ANY /{proxy+}").count()).isEqualTo(1);
        assertThat(route(statistics, "(no route)").errors4xx()).isEqualTo(1);
        assertThat(route(statistics, "GET /pets/{id}").count()).isZero();
        assertThat(route(statistics, "GET /pets/{id}").series()).isEmpty();
    }

    @Test
    void percentiles_are_within_five_percent() {
        RouteStatistics statistics = RouteStatistics.create(REST_TABLE, MutableClock.at(START));
        // 1 ms .. 100 ms: p50 is 50 ms, p99 is 99 ms.
        for (int millis = 1; millis <= 100; millis++) {
            statistics.observed(request(PET_ROUTE, 200, Duration.ofMillis(millis)));
        }

        RouteStatistics.RouteSummary pets = route(statistics, "GET /pets/{id}");

        assertThat(pets.p50()).isCloseTo(50.0, within(50.0 * 0.05));
        assertThat(pets.p99()).isCloseTo(99.0, within(99.0 * 0.05));
        assertThat(pets.series()).singleElement().satisfies(second -> {
            assertThat(second.t()).isEqualTo(START);
            assertThat(second.count()).isEqualTo(100);
            assertThat(second.p50()).isCloseTo(50.0, within(50.0 * 0.05));
        });
    }

    @Test
    void every_histogram_bucket_stands_for_its_latencies_within_five_percent() {
        for (long nanos = 1_000; nanos < 100_000_000_000L; nanos = nanos * 103 / 100) {
            double millis = nanos / 1_000_000.0;
            double shown = LatencyHistogram.millisOf(LatencyHistogram.bucketOf(nanos));
            assertThat(Math.abs(shown - millis) / millis).as("%d ns", nanos).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void the_series_keeps_the_last_five_minutes_and_totals_keep_everything() {
        MutableClock clock = MutableClock.at(START);
        RouteStatistics statistics = RouteStatistics.create(REST_TABLE, clock);
        statistics.observed(request(PET_ROUTE, 500, Duration.ofMillis(5)));
        clock.advance(Duration.ofSeconds(7));
        statistics.observed(request(PET_ROUTE, 404, Duration.ofMillis(5)));
        statistics.observed(request(PET_ROUTE, 200, Duration.ofMillis(5)));

        RouteStatistics.RouteSummary pets = route(statistics, "GET /pets/{id}");
        // 5-second buckets, named by their first second.
        assertThat(pets.series()).extracting(RouteStatistics.Bucket::t)
                .containsExactly(START, START.plusSeconds(5));
        assertThat(pets.series()).extracting(RouteStatistics.Bucket::errors).containsExactly(1, 1);
        assertThat(pets.errors4xx()).isEqualTo(1);
        assertThat(pets.errors5xx()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(295));
        pets = route(statistics, "GET /pets/{id}");
        assertThat(pets.series()).extracting(RouteStatistics.Bucket::t).containsExactly(START.plusSeconds(5));
        assertThat(pets.count()).isEqualTo(3);

        // A second that reuses an old slot starts from zero.
        statistics.observed(request(PET_ROUTE, 200, Duration.ofMillis(5)));
        assertThat(route(statistics, "GET /pets/{id}").series()).extracting(RouteStatistics.Bucket::count)
                .containsExactly(2, 1);

        statistics.clear();
        assertThat(route(statistics, "GET /pets/{id}").count()).isZero();
        assertThat(route(statistics, "GET /pets/{id}").series()).isEmpty();
    }

    @Test
    void a_route_built_in_code_without_its_method_is_counted_under_the_declared_any_method() {
        RouteStatistics statistics = RouteStatistics.create(REST_TABLE, MutableClock.at(START));
        MatchedRoute coded = new MatchedRoute("dev", "/x", "/{proxy+}", null, "r2", "DELETE", MOCK, Map.of(), null);

        statistics.observed(request(coded, 200, Duration.ofMillis(2)));

        assertThat(route(statistics, "ANY /{proxy+}").count()).isEqualTo(1);
        assertThat(statistics.snapshot().routes()).extracting(RouteStatistics.RouteSummary::route)
                .doesNotContain(RouteLabels.UNROUTED);
    }

    @Test
    void websocket_route_keys_count_their_invocations_and_failures() {
        RouteStatistics statistics = RouteStatistics.create(List.of(), List.of("$connect", "sendmessage"),
                MutableClock.at(START));
        statistics.routed("$connect", 200, false, Duration.ofMillis(3));
        statistics.routed("sendmessage", 200, true, null);
        statistics.refused("$connect", 401);
        statistics.refused(null, 403);

        assertThat(statistics.snapshot().routes()).extracting(RouteStatistics.RouteSummary::route)
                .containsExactly("$connect", "sendmessage", "(no route)");
        RouteStatistics.RouteSummary connect = route(statistics, "$connect");
        assertThat(connect.count()).isEqualTo(2);
        assertThat(connect.errors4xx()).isEqualTo(1);
        assertThat(route(statistics, "sendmessage").errors5xx()).isEqualTo(1);
        assertThat(route(statistics, "(no route)").errors4xx()).isEqualTo(1);
    }
}
