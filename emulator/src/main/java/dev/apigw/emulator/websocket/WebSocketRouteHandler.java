package dev.apigw.emulator.websocket;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.model.Integration;
import dev.apigw.model.WebSocketRoute;

/**
 * A WebSocket route's integration, compiled once at startup: runs it for {@code $connect}, a message or
 * {@code $disconnect} and says what came of it. One implementation per integration kind.
 */
sealed interface WebSocketRouteHandler
        permits WebSocketLambdaProxyRoute, WebSocketLambdaRoute, WebSocketMockRoute, WebSocketHttpRoute {

    /** Runs the integration; never throws for what AWS answers itself (those are failures). */
    WebSocketRouteResult invoke(WebSocketRouteCall call);

    /** What compiling needs, shared by every route of one API. */
    record Compiler(Map<String, String> stageVariables, Functions functions, MappingTemplates engine,
            HttpClient http) {

        /**
         * Compiles the route's integration.
         *
         * @throws IllegalArgumentException or {@code TemplateException}, with the location in the spec
         */
        WebSocketRouteHandler compile(WebSocketRoute route, Integration integration) {
            String location = "x-apigw-websocket.routes." + route.routeKey() + ".integration";
            Duration timeout = Duration.ofMillis(integration.options().timeoutInMillis());
            if (integration instanceof Integration.LambdaProxy proxy) {
                return new WebSocketLambdaProxyRoute(FunctionNames.of(proxy.function(), stageVariables), timeout,
                        functions);
            }
            if (integration instanceof Integration.HttpProxy proxy) {
                return httpRoute(proxy.uri(), proxy.httpMethod().name(), timeout, null, location);
            }
            WebSocketMapping mapping = WebSocketMapping.compile(integration.options(), engine, stageVariables,
                    location);
            if (integration instanceof Integration.Lambda lambda) {
                return new WebSocketLambdaRoute(FunctionNames.of(lambda.function(), stageVariables), timeout,
                        functions, mapping);
            }
            if (integration instanceof Integration.Http httpIntegration) {
                return httpRoute(httpIntegration.uri(), httpIntegration.httpMethod().name(), timeout, mapping,
                        location);
            }
            if (integration instanceof Integration.Mock) {
                return new WebSocketMockRoute(mapping);
            }
            throw new IllegalArgumentException(location + ".type: " + integration.awsType()
                    + " is not supported on WebSocket routes");
        }

        private WebSocketHttpRoute httpRoute(String uri, String method, Duration timeout,
                @org.jspecify.annotations.Nullable WebSocketMapping mapping, String location) {
            try {
                return new WebSocketHttpRoute(http, uri, stageVariables, method, timeout, mapping);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(location + ".uri: " + e.getMessage(), e);
            }
        }
    }
}
