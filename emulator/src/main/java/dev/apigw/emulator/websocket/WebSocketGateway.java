package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.model.Integration;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket orchestrator: {@code $connect} decides whether a handshake completes, each message is routed by the
 * route selection expression and integrated, a route response sends the integration's {@code body} back, and
 * {@code $disconnect} runs when a connection ends. Lambda proxy integrations get AWS's WebSocket events.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-overview.html
 */
public final class WebSocketGateway {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stage;
    private final RouteSelection selection;
    private final Map<String, LambdaRoute> routes;
    private final Functions functions;
    private final Connections connections = new Connections();

    /** A route served by a Lambda proxy integration. */
    private record LambdaRoute(String functionName, Duration timeout, boolean twoWay) {}

    private WebSocketGateway(String stage, RouteSelection selection, Map<String, LambdaRoute> routes,
            Functions functions) {
        this.stage = stage;
        this.selection = selection;
        this.routes = routes;
        this.functions = functions;
    }

    /** Compiles the routes; what cannot be served is added to {@code problems} with its location. */
    public static WebSocketGateway compile(WebSocketApi api, String stage, Map<String, String> stageVariables,
            Functions functions, List<String> problems) {
        RouteSelection selection;
        try {
            selection = RouteSelection.compile(api.routeSelectionExpression());
        } catch (IllegalArgumentException e) {
            problems.add("x-apigw-websocket.routeSelectionExpression: " + e.getMessage());
            selection = RouteSelection.compile("$request.body.action");
        }
        Map<String, LambdaRoute> routes = new LinkedHashMap<>();
        for (WebSocketRoute route : api.routes()) {
            Integration integration = route.integration();
            if (integration == null) {
                continue;
            }
            if (integration instanceof Integration.LambdaProxy proxy) {
                routes.put(route.routeKey(), new LambdaRoute(FunctionNames.of(proxy.function(), stageVariables),
                        Duration.ofMillis(proxy.options().timeoutInMillis()), route.twoWay()));
            } else {
                problems.add("x-apigw-websocket.routes." + route.routeKey() + ".integration.type: apigw serves "
                        + "WebSocket routes with aws_proxy (Lambda proxy) integrations; " + integration.awsType()
                        + " is not supported on WebSocket routes. Use a Lambda proxy integration.");
            }
        }
        return new WebSocketGateway(stage, selection, routes, functions);
    }

    public String stage() {
        return stage;
    }

    public Connections connections() {
        return connections;
    }

    /** The outcome of {@code $connect}: accept the handshake, or refuse it with this HTTP status. */
    public record ConnectOutcome(boolean accepted, int status, @Nullable String subprotocol) {}

    /** Runs {@code $connect}; without an integration every connection is accepted. */
    public ConnectOutcome connect(WebSocketEvent.Connection connection) {
        LambdaRoute route = routes.get(WebSocketRoute.CONNECT);
        if (route == null) {
            return new ConnectOutcome(true, 200, null);
        }
        String requestId = ConnectionIds.requestId();
        Optional<JsonNode> result = invoke(route, WebSocketEvent.connect(connection, requestId, Instant.now()),
                requestId);
        if (result.isEmpty()) {
            return new ConnectOutcome(false, 500, null);
        }
        int status = result.get().path("statusCode").asInt(200);
        String subprotocol = result.get().path("headers").path("Sec-WebSocket-Protocol").asText(null);
        return new ConnectOutcome(status >= 200 && status < 300, status, subprotocol);
    }

    /** The handshake completed: the connection is open and reachable through {@code @connections}. */
    public void accept(WebSocketEvent.Connection connection, Session session) {
        connections.add(new OpenConnection(connection, session));
    }

    /** Routes one text message; answers on the socket as AWS does (route response, Forbidden, Internal error). */
    public void message(String connectionId, String body) {
        Optional<OpenConnection> found = connections.get(connectionId);
        if (found.isEmpty()) {
            return;
        }
        OpenConnection connection = found.get();
        connection.touch();
        String requestId = ConnectionIds.requestId();
        Optional<String> routeKey = selection.select(body, routes.keySet());
        if (routeKey.isEmpty()) {
            connection.send(errorFrame("Forbidden", connectionId, requestId));
            return;
        }
        LambdaRoute route = routes.get(routeKey.get());
        byte[] event = WebSocketEvent.message(connection.info(), routeKey.get(), ConnectionIds.messageId(), requestId,
                Instant.now(), body, false);
        Optional<JsonNode> result = invoke(route, event, requestId);
        if (result.isEmpty()) {
            connection.send(errorFrame("Internal server error", connectionId, requestId));
        } else if (route.twoWay() && result.get().hasNonNull("body")) {
            // With a route response the client gets the proxy result's body, not the whole result object [D].
            connection.send(result.get().get("body").asText());
        }
    }

    /** Sends data to a connection (PostToConnection); false when it is gone. */
    public boolean send(OpenConnection connection, String data) {
        return connection.send(data);
    }

    /** Closes a connection from the server side (DeleteConnection); {@code $disconnect} follows as for any close. */
    public void disconnect(OpenConnection connection) {
        connection.close(1000, "");
    }

    /** A connection ended (either side, a limit, or @connections): run {@code $disconnect}, best effort. */
    public void closed(String connectionId, int statusCode, String reason) {
        Optional<OpenConnection> removed = connections.remove(connectionId);
        LambdaRoute route = routes.get(WebSocketRoute.DISCONNECT);
        if (removed.isEmpty() || route == null) {
            return;
        }
        String requestId = ConnectionIds.requestId();
        invoke(route, WebSocketEvent.disconnect(removed.get().info(), requestId, Instant.now(), statusCode, reason),
                requestId);
    }

    /** Calls the route's function; empty for a function error or a timeout (already logged). */
    private Optional<JsonNode> invoke(LambdaRoute route, byte[] event, String requestId) {
        try {
            InvocationResult result = functions.invoke(route.functionName(), event,
                    new InvocationOptions(requestId, route.functionName(), route.timeout()));
            if (result instanceof InvocationResult.FunctionError error) {
                LOG.warn("[{}] Lambda execution failed due to customer function error in {}: {}: {}", requestId,
                        route.functionName(), error.errorType(), error.errorMessage());
                return Optional.empty();
            }
            return Optional.of(parse(result.payload()));
        } catch (DeadlineExceededException e) {
            LOG.warn("[{}] {}", requestId, e.getMessage());
            return Optional.empty();
        }
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static String errorFrame(String message, String connectionId, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\""
                + requestId + "\"}";
    }

}
