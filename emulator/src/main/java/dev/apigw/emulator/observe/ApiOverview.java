package dev.apigw.emulator.observe;

import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.model.Api;
import dev.apigw.model.Authorizer;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import dev.apigw.model.SecurityRequirement;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API at a glance, for the dashboard ({@code GET /_apigw/api/overview}): what it is, where it is served, and each
 * route with its integration and authorization, in route table order.
 *
 * @param baseUrl the stage's URL as the client addressed the server
 * @param webSocketUrl where WebSocket clients connect; null unless it is a WebSocket API
 */
public record ApiOverview(String title, String type, String apiId, String stage, String baseUrl,
        @Nullable String webSocketUrl, boolean observability, int journalSize, List<RouteLine> routes,
        List<WebSocketRouteLine> webSocketRoutes) {

    public ApiOverview {
        routes = List.copyOf(routes);
        webSocketRoutes = List.copyOf(webSocketRoutes);
    }

    /**
     * One route as the overview lists it.
     *
     * @param route its label ({@link RouteLabels})
     * @param path the path a client calls, stage included where the URL has one
     * @param authorization NONE, AWS_IAM, CUSTOM (a Lambda authorizer), JWT or COGNITO_USER_POOLS
     * @param authorizer the authorizer's name; null without one
     */
    public record RouteLine(String route, String method, String path, IntegrationLine integration,
            String authorization, @Nullable String authorizer, boolean apiKeyRequired) {}

    /** A WebSocket route and its integration (null when it has none). */
    public record WebSocketRouteLine(String routeKey, @Nullable IntegrationLine integration) {}

    /**
     * An integration: its AWS type and what it calls.
     *
     * @param target the function name (Lambda), the URL (HTTP), or null (mock)
     */
    public record IntegrationLine(String type, @Nullable String target) {
        static IntegrationLine of(Integration integration) {
            String target;
            if (integration instanceof Integration.LambdaProxy proxy) {
                target = proxy.function().functionName();
            } else if (integration instanceof Integration.Lambda lambda) {
                target = lambda.function().functionName();
            } else if (integration instanceof Integration.HttpProxy proxy) {
                target = proxy.uri();
            } else if (integration instanceof Integration.Http http) {
                target = http.uri();
            } else {
                target = null;
            }
            return new IntegrationLine(integration.awsType(), target);
        }
    }

    /** Where the gateway is served, as the client sees it. */
    public record Addresses(String baseUrl, @Nullable String webSocketUrl) {}

    /** The overview of {@code api} served at {@code addresses}, its routes from the compiled route table. */
    public static ApiOverview of(Api api, String apiId, String stage, Addresses addresses, boolean observability,
            int journalSize, List<RouteEntry> routeTable) {
        List<RouteLine> routes = new ArrayList<>();
        for (RouteEntry entry : routeTable) {
            Access access = access(api, entry);
            routes.add(new RouteLine(RouteLabels.of(entry), entry.method(), entry.path(),
                    IntegrationLine.of(entry.integration()), access.authorization(), access.authorizer(),
                    access.apiKeyRequired()));
        }
        List<WebSocketRouteLine> webSocketRoutes = new ArrayList<>();
        if (api instanceof WebSocketApi webSocket) {
            for (WebSocketRoute route : webSocket.routes()) {
                webSocketRoutes.add(new WebSocketRouteLine(route.routeKey(),
                        route.integration() == null ? null : IntegrationLine.of(route.integration())));
            }
        }
        return new ApiOverview(api.title(), api.type().name(), apiId, stage, addresses.baseUrl(),
                addresses.webSocketUrl(), observability, journalSize, routes, webSocketRoutes);
    }

    private record Access(String authorization, @Nullable String authorizer, boolean apiKeyRequired) {}

    /** What the method or route declares: IAM, else the first security requirement naming an authorizer. */
    private static Access access(Api api, RouteEntry entry) {
        List<SecurityRequirement> security = List.of();
        String authType = null;
        boolean apiKeyRequired = false;
        if (api instanceof RestApi rest) {
            Optional<dev.apigw.model.Method> method = rest.resource(entry.routeKeyOrResource())
                    .flatMap(resource -> resource.method(HttpMethod.valueOf(entry.method())));
            if (method.isPresent()) {
                security = method.get().security();
                authType = method.get().authType();
                apiKeyRequired = method.get().apiKeyRequired();
            }
        } else if (api instanceof HttpApi http) {
            for (Route route : http.routes()) {
                if (route.key().toString().equals(entry.routeKeyOrResource())) {
                    security = route.security();
                    authType = route.authType();
                }
            }
        }
        if ("AWS_IAM".equalsIgnoreCase(authType)) {
            return new Access("AWS_IAM", null, apiKeyRequired);
        }
        for (SecurityRequirement requirement : security) {
            Authorizer authorizer = api.authorizers().get(requirement.scheme());
            if (authorizer != null) {
                String kind = switch (authorizer.type()) {
                    case TOKEN, REQUEST -> "CUSTOM";
                    case COGNITO_USER_POOLS -> "COGNITO_USER_POOLS";
                    case JWT -> "JWT";
                };
                return new Access(kind, authorizer.name(), apiKeyRequired);
            }
        }
        return new Access("NONE", null, apiKeyRequired);
    }
}
