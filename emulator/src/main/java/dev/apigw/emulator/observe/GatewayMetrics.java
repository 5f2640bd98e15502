package dev.apigw.emulator.observe;

import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Api;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metrics API Gateway sends to CloudWatch, with CloudWatch's names and dimensions, in the Prometheus text format
 * ({@code GET /_apigw/metrics}). {@link MetricsNaming} says how names map.
 *
 * <ul>
 *   <li>REST APIs: {@code Count}, {@code 4XXError}, {@code 5XXError}, {@code Latency}, {@code IntegrationLatency},
 *       {@code CacheHitCount}, {@code CacheMissCount} by
 *       {@code ApiName, Stage, Resource, Method} [D api-gateway-metrics-and-dimensions];
 *   <li>HTTP APIs: {@code Count}, {@code 4xx}, {@code 5xx}, {@code Latency}, {@code IntegrationLatency},
 *       {@code DataProcessed} by {@code ApiId, Stage, Resource, Method} [D http-api-metrics];
 *   <li>WebSocket APIs: {@code ConnectCount}, {@code MessageCount}, {@code IntegrationError}, {@code ClientError},
 *       {@code ExecutionError}, {@code IntegrationLatency} by {@code ApiId, Stage} and the route key
 *       [D apigateway-websocket-api-logging].
 * </ul>
 *
 * Every series carries the method-level dimensions, as CloudWatch's detailed metrics do; the stage's figures are their
 * sum. A request no route took counts at the stage level only: its resource and method (or route) labels are empty,
 * which Prometheus treats as absent. Meters are built at startup from the API model; a request only looks its route's
 * meters up and increments them.
 */
public final class GatewayMetrics implements GatewayObserver, WebSocketObserver {
    private final PrometheusMeterRegistry registry;
    /** REST: resource path and declared method; HTTP API: route key ({@code GET /pets/{id}}, {@code $default}). */
    private final RouteIndex<RouteMetrics> routes;
    private final Map<String, WebSocketRouteMetrics> webSocketRoutes;
    private final @Nullable RouteMetrics unrouted;
    private final @Nullable WebSocketRouteMetrics unroutedMessages;

    private GatewayMetrics(PrometheusMeterRegistry registry, RouteIndex<RouteMetrics> routes,
            Map<String, WebSocketRouteMetrics> webSocketRoutes, @Nullable RouteMetrics unrouted,
            @Nullable WebSocketRouteMetrics unroutedMessages) {
        this.registry = registry;
        this.routes = routes;
        this.webSocketRoutes = webSocketRoutes;
        this.unrouted = unrouted;
        this.unroutedMessages = unroutedMessages;
    }

    /**
     * Registers every meter the API can produce, one set per route plus one for requests no route takes, in a
     * registry the other stages of a server also use: their series differ by the {@code stage} tag. A stage's canary
     * variant registers the very same meters (Micrometer returns a meter already registered under the same name and
     * tags), so its requests count in the stage's series, as AWS reports canary requests in the stage's metrics.
     */
    public static GatewayMetrics create(Api api, String apiId, String stage, PrometheusMeterRegistry registry) {
        if (api instanceof RestApi rest) {
            Tags apiStage = Tags.of("api_name", apiName(rest.title(), apiId), "stage", stage);
            RouteIndex.Builder<RouteMetrics> routes = RouteIndex.builder();
            for (Resource resource : rest.resources()) {
                String path = resource.path().text();
                for (HttpMethod method : resource.methods().keySet()) {
                    routes.rest(path, method,
                            RouteMetrics.rest(registry, apiStage.and("resource", path, "method", method.name())));
                }
            }
            RouteMetrics unrouted = RouteMetrics.rest(registry, apiStage.and("resource", "", "method", ""));
            return new GatewayMetrics(registry, routes.build(), Map.of(), unrouted, null);
        }
        Tags apiStage = Tags.of("api_id", apiId, "stage", stage);
        if (api instanceof HttpApi http) {
            RouteIndex.Builder<RouteMetrics> routes = RouteIndex.builder();
            for (Route route : http.routes()) {
                routes.key(route.key().toString(), RouteMetrics.http(registry, apiStage.and(dimensions(route.key()))));
            }
            RouteMetrics unrouted = RouteMetrics.http(registry, apiStage.and("resource", "", "method", ""));
            return new GatewayMetrics(registry, routes.build(), Map.of(), unrouted, null);
        }
        WebSocketApi webSocket = (WebSocketApi) api;
        Map<String, WebSocketRouteMetrics> routes = new HashMap<>();
        for (WebSocketRoute route : webSocket.routes()) {
            routes.put(route.routeKey(), new WebSocketRouteMetrics(registry, apiStage.and("route", route.routeKey())));
        }
        WebSocketRouteMetrics unrouted = new WebSocketRouteMetrics(registry, apiStage.and("route", ""));
        return new GatewayMetrics(registry, RouteIndex.<RouteMetrics>builder().build(), Map.copyOf(routes), null,
                unrouted);
    }

    /**
     * AWS drops non-ASCII characters from the ApiName dimension, and uses the API id when none are left
     * [D api-gateway-metrics-and-dimensions].
     */
    static String apiName(String title, String apiId) {
        String ascii = title.replaceAll("[^\\x00-\\x7F]", "");
        return ascii.isEmpty() ? apiId : ascii;
    }

    /** Unconfirmed: which Resource and Method CloudWatch shows for {@code $default}; apigw says {@code $default, ANY}. */
    private static Tags dimensions(RouteKey key) {
        return key.isDefault() ? Tags.of("resource", RouteKey.DEFAULT, "method", HttpMethod.ANY.name())
                : Tags.of("resource", key.path().text(), "method", key.method().name());
    }

    @Override
    public void observed(ObservedRequest request) {
        RouteMetrics meters = metersOf(request.route());
        if (meters != null) {
            meters.record(request);
        }
    }

    /** A request of a cached method answered from the stage cache ({@code CacheHitCount}). */
    public void cacheHit(MatchedRoute route) {
        RouteMetrics meters = metersOf(route);
        if (meters != null) {
            meters.cacheHit();
        }
    }

    /** A request of a cached method that went to its integration ({@code CacheMissCount}). */
    public void cacheMiss(MatchedRoute route) {
        RouteMetrics meters = metersOf(route);
        if (meters != null) {
            meters.cacheMiss();
        }
    }

    private @Nullable RouteMetrics metersOf(@Nullable MatchedRoute route) {
        RouteMetrics found = route == null ? null : routes.find(route);
        return found != null ? found : unrouted;
    }

    @Override
    public void refused(@Nullable String routeKey, int status) {
        WebSocketRouteMetrics meters = webSocketMeters(routeKey);
        if (meters != null) {
            meters.refused(isMessage(routeKey), status);
        }
    }

    @Override
    public void routed(String routeKey, int status, boolean failed, @Nullable Duration integrationLatency) {
        WebSocketRouteMetrics meters = webSocketMeters(routeKey);
        if (meters != null) {
            meters.routed(routeKey.equals(WebSocketRoute.CONNECT), isMessage(routeKey), status, failed,
                    integrationLatency);
        }
    }

    @Override
    public void sentToClient(String connectionId, @Nullable String routeKey, String data, int size) {
        WebSocketRouteMetrics meters = webSocketMeters(routeKey);
        if (meters != null) {
            meters.sentToClient();
        }
    }

    private @Nullable WebSocketRouteMetrics webSocketMeters(@Nullable String routeKey) {
        WebSocketRouteMetrics found = routeKey == null ? null : webSocketRoutes.get(routeKey);
        return found != null ? found : unroutedMessages;
    }

    /** $connect and $disconnect are not messages; everything else the client sends is (null: a message no route took). */
    private static boolean isMessage(@Nullable String routeKey) {
        return !WebSocketRoute.CONNECT.equals(routeKey) && !WebSocketRoute.DISCONNECT.equals(routeKey);
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter in the registry, every stage's of a server. */
    public String scrape() {
        return registry.scrape();
    }
}
