package dev.apigw.emulator.observe;

import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.model.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Per-route request statistics for the dashboard ({@code GET /_apigw/api/stats}): count, 4xx and 5xx errors and
 * p50/p99 of {@code $context.responseLatency}, in total and per 5-second bucket over the last five minutes. Every route's
 * counters exist from startup, found by a map lookup without building a string, so observing a request allocates
 * nothing once the route's ring exists ({@link RouteCounters}). A WebSocket API's routes are its route keys: each
 * {@code $connect}, {@code $disconnect} and message a route took counts as one request, with the integration's
 * latency (0 when none ran); a message no route took counts under {@code (no route)}.
 */
public final class RouteStatistics implements GatewayObserver, WebSocketObserver {
    private final Clock clock;
    /** In route table order, as the overview lists them. */
    private final List<RouteCounters> declared;
    private final RouteIndex<RouteCounters> index;
    private final RouteCounters unrouted = new RouteCounters(RouteLabels.UNROUTED);

    private RouteStatistics(Clock clock, List<RouteCounters> declared, RouteIndex<RouteCounters> index) {
        this.clock = clock;
        this.declared = declared;
        this.index = index;
    }

    /** Counters for every route of the compiled table; {@code clock} dates the buckets. */
    public static RouteStatistics create(List<RouteEntry> routes, Clock clock) {
        return create(routes, List.of(), clock);
    }

    /** Counters for every route of the compiled table and every route key of a WebSocket API. */
    public static RouteStatistics create(List<RouteEntry> routes, List<String> webSocketRouteKeys, Clock clock) {
        List<RouteCounters> declared = new ArrayList<>();
        RouteIndex.Builder<RouteCounters> index = RouteIndex.builder();
        for (String routeKey : webSocketRouteKeys) {
            RouteCounters counters = new RouteCounters(routeKey);
            declared.add(counters);
            index.key(routeKey, counters);
        }
        for (RouteEntry entry : routes) {
            RouteCounters counters = new RouteCounters(RouteLabels.of(entry));
            declared.add(counters);
            // An HTTP API's label is its route key; a REST route's label finds it when built in code without a model.
            index.key(counters.label(), counters);
            if (entry.routeKeyOrResource().startsWith("/")) {
                index.rest(entry.routeKeyOrResource(), HttpMethod.valueOf(entry.method()), counters);
            }
        }
        return new RouteStatistics(clock, List.copyOf(declared), index.build());
    }

    @Override
    public void observed(ObservedRequest request) {
        long second = Math.floorDiv(clock.millis(), 1000L);
        RouteCounters counters = request.route() == null ? null : index.find(request.route());
        (counters != null ? counters : unrouted).record(second, request.response().status(),
                request.latency().toNanos());
    }

    @Override
    public void refused(@Nullable String routeKey, int status) {
        webSocketCounters(routeKey).record(Math.floorDiv(clock.millis(), 1000L), status, 0);
    }

    @Override
    public void routed(String routeKey, int status, boolean failed, @Nullable Duration integrationLatency) {
        // A failed integration is an error whatever status it reported (a $disconnect's has none to give).
        int counted = failed && status < 500 ? 500 : status;
        webSocketCounters(routeKey).record(Math.floorDiv(clock.millis(), 1000L), counted,
                integrationLatency == null ? 0 : integrationLatency.toNanos());
    }

    private RouteCounters webSocketCounters(@Nullable String routeKey) {
        RouteCounters found = routeKey == null ? null : index.key(routeKey);
        return found != null ? found : unrouted;
    }

    /**
     * Every route (with count 0 when idle) and, once something unrouted arrived, {@code (no route)}; each with its
     * non-empty seconds of the last five minutes, oldest first.
     */
    public Snapshot snapshot() {
        long nowMillis = clock.millis();
        long nowSecond = Math.floorDiv(nowMillis, 1000L);
        List<RouteSummary> routes = new ArrayList<>();
        for (RouteCounters counters : declared) {
            routes.add(counters.summary(nowSecond));
        }
        if (unrouted.count() > 0) {
            routes.add(unrouted.summary(nowSecond));
        }
        return new Snapshot(Instant.ofEpochMilli(nowMillis), RouteCounters.BUCKET_SECONDS, RouteCounters.WINDOW_SECONDS,
                routes);
    }

    /** Forgets everything counted so far ({@code Gateway.reset()}). */
    public void clear() {
        declared.forEach(RouteCounters::clear);
        unrouted.clear();
    }

    @Override
    public String toString() {
        return "route statistics of " + declared.size() + " routes";
    }

    /** {@code GET /_apigw/api/stats}. */
    public record Snapshot(Instant now, int bucketSeconds, int windowSeconds, List<RouteSummary> routes) {
        public Snapshot {
            routes = List.copyOf(routes);
        }
    }

    /**
     * One route since the start or the last reset; latencies in milliseconds (0 without traffic).
     *
     * @param series the non-empty seconds of the window, oldest first
     */
    public record RouteSummary(String route, long count, long errors4xx, long errors5xx, double p50, double p99,
            List<Bucket> series) {
        public RouteSummary {
            series = List.copyOf(series);
        }
    }

    /** One bucket of one route (named by its first second): requests, errors and latency percentiles in ms. */
    public record Bucket(Instant t, int count, int errors, double p50, double p99) {}
}
