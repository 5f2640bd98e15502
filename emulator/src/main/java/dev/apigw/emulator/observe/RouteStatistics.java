package dev.apigw.emulator.observe;

import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.model.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** REST: resource path → declared method → counters. */
    private final Map<String, Map<HttpMethod, RouteCounters>> restRoutes;
    /** HTTP API route key (and every label, for routes built in code without a model method) → counters. */
    private final Map<String, RouteCounters> byLabel;
    private final RouteCounters unrouted = new RouteCounters(RouteLabels.UNROUTED);

    private RouteStatistics(Clock clock, List<RouteCounters> declared,
            Map<String, Map<HttpMethod, RouteCounters>> restRoutes, Map<String, RouteCounters> byLabel) {
        this.clock = clock;
        this.declared = declared;
        this.restRoutes = restRoutes;
        this.byLabel = byLabel;
    }

    /** Counters for every route of the compiled table; {@code clock} dates the buckets. */
    public static RouteStatistics create(List<RouteEntry> routes, Clock clock) {
        return create(routes, List.of(), clock);
    }

    /** Counters for every route of the compiled table and every route key of a WebSocket API. */
    public static RouteStatistics create(List<RouteEntry> routes, List<String> webSocketRouteKeys, Clock clock) {
        List<RouteCounters> declared = new ArrayList<>();
        Map<String, Map<HttpMethod, RouteCounters>> rest = new HashMap<>();
        Map<String, RouteCounters> byLabel = new LinkedHashMap<>();
        for (String routeKey : webSocketRouteKeys) {
            RouteCounters counters = new RouteCounters(routeKey);
            declared.add(counters);
            byLabel.put(routeKey, counters);
        }
        for (RouteEntry entry : routes) {
            RouteCounters counters = new RouteCounters(RouteLabels.of(entry));
            declared.add(counters);
            byLabel.put(counters.label(), counters);
            if (entry.routeKeyOrResource().startsWith("/")) {
                rest.computeIfAbsent(entry.routeKeyOrResource(), path -> new EnumMap<>(HttpMethod.class))
                        .put(HttpMethod.valueOf(entry.method()), counters);
            } else {
                byLabel.put(entry.routeKeyOrResource(), counters);
            }
        }
        rest.replaceAll((path, methods) -> Collections.unmodifiableMap(methods));
        return new RouteStatistics(clock, List.copyOf(declared), Map.copyOf(rest), Map.copyOf(byLabel));
    }

    @Override
    public void observed(ObservedRequest request) {
        long second = Math.floorDiv(clock.millis(), 1000L);
        countersOf(request.route()).record(second, request.response().status(), request.latency().toNanos());
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
        RouteCounters found = routeKey == null ? null : byLabel.get(routeKey);
        return found != null ? found : unrouted;
    }

    private RouteCounters countersOf(@Nullable MatchedRoute route) {
        if (route == null) {
            return unrouted;
        }
        RouteCounters found = null;
        if (route.routeKey() != null) {
            found = byLabel.get(route.routeKey());
        } else if (route.method() != null) {
            Map<HttpMethod, RouteCounters> methods = restRoutes.get(route.resourcePath());
            found = methods == null ? null : methods.get(route.method().httpMethod());
        } else if (route.httpRoute() != null) {
            found = byLabel.get(RouteLabels.of(route));
        } else {
            found = declaredMethodOf(route);
        }
        return found != null ? found : unrouted;
    }

    /**
     * A REST route built in code without its model method: the resource's method for the request's verb, else its
     * ANY method, so that the request is counted under the method the API declares.
     */
    private @Nullable RouteCounters declaredMethodOf(MatchedRoute route) {
        Map<HttpMethod, RouteCounters> methods = restRoutes.get(route.resourcePath());
        if (methods == null) {
            return byLabel.get(RouteLabels.of(route));
        }
        RouteCounters exact = null;
        for (Map.Entry<HttpMethod, RouteCounters> method : methods.entrySet()) {
            if (method.getKey() != HttpMethod.ANY && method.getKey().name().equals(route.httpMethod())) {
                exact = method.getValue();
            }
        }
        return exact != null ? exact : methods.get(HttpMethod.ANY);
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
