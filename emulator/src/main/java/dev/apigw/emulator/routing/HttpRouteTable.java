package dev.apigw.emulator.routing;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.PathTemplate;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Routes requests to an HTTP API's routes in AWS's documented priority
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html; AWS-REFERENCE §4.2):
 * (1) a full match of method and path among static and {@code {param}} routes, (2) the method with a greedy
 * {@code {proxy+}} route, (3) the {@code $default} route. {@code ANY} serves the methods a path does not define
 * explicitly. Within (1) and (2) the most specific route wins, compared segment by segment as on REST APIs (static
 * &gt; {@code {param}}), which makes the longest static prefix win among greedy routes. Algorithm: a {@link PathTrie}
 * compiled at construction, searched once without greedy routes and, if that fails, once with them.
 * Slash handling is REST's (see {@link RequestPath}); AWS does not document trailing slashes or doubled slashes for
 * HTTP APIs, so a trailing slash is ignored for matching here as it is on REST APIs.
 */
final class HttpRouteTable implements RouteTable {

    private static final String DEFAULT_STAGE = "$default";

    private final String stage;
    private final PathTrie<Route> trie = new PathTrie<>();
    private final PathTrie.@Nullable Target<Route> defaultRoute;
    private final List<RouteEntry> entries;

    HttpRouteTable(HttpApi api, String stage) {
        this.stage = requireNonNull(stage, "stage");
        if (stage.isEmpty() || stage.indexOf('/') >= 0) {
            throw new IllegalArgumentException("HTTP API stage name '" + stage + "' must be one non-empty path segment");
        }
        String prefix = stage.equals(DEFAULT_STAGE) ? "" : "/" + stage;
        ResourceIds ids = new ResourceIds();
        PathTrie.@Nullable Target<Route> fallback = null;
        List<RouteEntry> lines = new ArrayList<>();
        for (Route route : api.routes()) {
            RouteKey key = route.key();
            String id = ids.next(key.toString(), ResourceIds.ROUTE);
            HttpMethod method = key.method();
            PathTemplate path = key.path();
            if (method == null || path == null) {
                fallback = new PathTrie.Target<>(PathTemplate.root(), id, route);
                lines.add(new RouteEntry(HttpMethod.ANY.name(), prefix + "/*", RouteKey.DEFAULT, route.integration()));
            } else {
                trie.add(method, new PathTrie.Target<>(path, id, route));
                lines.add(new RouteEntry(method.name(), prefix + path.text(), key.toString(), route.integration()));
            }
        }
        this.defaultRoute = fallback;
        this.entries = List.copyOf(lines);
    }

    @Override
    public MatchedRoute match(GatewayRequest request) {
        // The $default stage serves the API at the root; a named stage is the first path segment.
        RequestPath path = stage.equals(DEFAULT_STAGE)
                ? RequestPath.of(request.rawPath())
                : RequestPath.belowStage(request.rawPath(), stage)
                        .orElseThrow(() -> new GatewayException(GatewayError.ROUTE_NOT_FOUND,
                                "stage '" + stage + "' does not serve " + request.method() + " " + request.rawPath()));
        PathTrie.@Nullable Target<Route> target = select(request.method(), path);
        if (target == null) {
            throw new GatewayException(GatewayError.ROUTE_NOT_FOUND,
                    "no route matches " + request.method() + " " + request.rawPath());
        }
        if (target == defaultRoute) {
            return new MatchedRoute(stage, path.path(), RouteKey.DEFAULT, RouteKey.DEFAULT, target.id(),
                    request.method(), target.value().integration(), Map.of(), null, target.value());
        }
        Route route = target.value();
        return new MatchedRoute(stage, path.path(), target.template().text(), route.key().toString(), target.id(),
                request.method(), route.integration(), path.parametersOf(target.template()), null, route);
    }

    private PathTrie.@Nullable Target<Route> select(String requestMethod, RequestPath path) {
        HttpMethod method = MethodTargets.requestMethod(requestMethod);
        if (method != null) {
            PathTrie.@Nullable Target<Route> full = trie.find(path.segments(), method, false);
            if (full != null) {
                return full;
            }
            PathTrie.@Nullable Target<Route> greedy = trie.find(path.segments(), method, true);
            if (greedy != null) {
                return greedy;
            }
        }
        // $default is the catch-all for everything no route matches, whatever the method.
        return defaultRoute;
    }

    @Override
    public List<RouteEntry> entries() {
        return entries;
    }
}
