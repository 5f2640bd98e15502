package dev.apigw.emulator.websocket;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.apigw.emulator.auth.AuthorizationResult;
import dev.apigw.emulator.auth.WebSocketAuthorizer;
import dev.apigw.emulator.exchange.RequestContexts;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.TemplateException;
import dev.apigw.emulator.observe.WebSocketObserver;
import dev.apigw.model.Integration;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket orchestrator: {@code $connect} decides whether a handshake completes, each message is routed by the
 * route selection expression and integrated, a route response sends the integration's answer back, and
 * {@code $disconnect} runs when a connection ends. Each route's integration ({@code aws_proxy}, {@code aws},
 * {@code mock}, {@code http_proxy}, {@code http}) is a {@link WebSocketRouteHandler} compiled at startup.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-overview.html
 */
public final class WebSocketGateway {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    private final String stage;
    private final RouteSelection selection;
    private final Map<String, Route> routes;
    private final @Nullable WebSocketAuthorizer authorizer;
    private final Map<String, String> stageVariables;
    private final Connections connections = new Connections();
    private volatile WebSocketObserver observer = WebSocketObserver.NONE;
    /** Whether traffic is observed: only then are frames measured and kept for the dashboard. */
    private volatile boolean observing;

    /** A compiled route; {@code twoWay} when a route response sends the integration's answer back. */
    private record Route(WebSocketRouteHandler handler, boolean twoWay) {}

    private WebSocketGateway(String stage, RouteSelection selection, Map<String, Route> routes,
            @Nullable WebSocketAuthorizer authorizer, Map<String, String> stageVariables) {
        this.stage = stage;
        this.selection = selection;
        this.routes = routes;
        this.authorizer = authorizer;
        this.stageVariables = Map.copyOf(stageVariables);
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        WebSocketRouteHandler.Compiler compiler =
                new WebSocketRouteHandler.Compiler(stageVariables, functions, new MappingTemplates(), http);
        Map<String, Route> routes = new LinkedHashMap<>();
        for (WebSocketRoute route : api.routes()) {
            Integration integration = route.integration();
            if (integration == null) {
                continue;
            }
            try {
                routes.put(route.routeKey(), new Route(compiler.compile(route, integration), route.twoWay()));
            } catch (IllegalArgumentException | TemplateException e) {
                // Both messages start with the location in the spec.
                problems.add(e.getMessage());
            }
        }
        WebSocketAuthorizer authorizer = WebSocketAuthorizer.compile(api, stage, stageVariables, functions,
                RequestContexts.ACCOUNT_ID, problems);
        return new WebSocketGateway(stage, selection, routes, authorizer, stageVariables);
    }

    public String stage() {
        return stage;
    }

    /** The API's route keys, in document order ({@code $connect}, {@code $default}, ...). */
    public List<String> routeKeys() {
        return List.copyOf(routes.keySet());
    }

    public Connections connections() {
        return connections;
    }

    /**
     * Reports connects, frames both ways, disconnects and errors to {@code observer} from now on (the gateway's
     * metrics, live feed and cost estimate, through {@link WebSocketObserver#all}), and keeps each connection opened
     * from now on its last frames for the dashboard. Without it (no observability) a frame costs only its write.
     */
    public void observeWith(WebSocketObserver observer) {
        this.observer = observer;
        this.observing = observer != WebSocketObserver.NONE;
    }

    /**
     * The outcome of {@code $connect}: accept the handshake, or refuse it with this HTTP status.
     *
     * @param connection the connection as {@code $connect} left it, with the authorizer's principal: what to
     *     {@link #accept} when the handshake completes
     */
    public record ConnectOutcome(boolean accepted, int status, @Nullable String subprotocol,
            WebSocketEvent.Connection connection) {}

    /**
     * Runs {@code $connect}: the route's authorizer first (its refusal is the handshake's 401, 403 or 500, and the
     * integration is not called [D apigateway-websocket-api-route-keys-connect-disconnect]), then the integration;
     * without an integration every authorized connection is accepted.
     */
    public ConnectOutcome connect(WebSocketEvent.Connection connection) {
        WebSocketRouteCall call = WebSocketRouteCall.connect(connection);
        if (authorizer != null) {
            AuthorizationResult decision = authorizer.authorize(new ConnectHandshake(call, stageVariables));
            if (decision instanceof AuthorizationResult.Denied denied) {
                LOG.info("[{}] $connect refused by authorizer {} with {}: {}", call.requestId(), authorizer.name(),
                        denied.status(), denied.detail());
                observer.refused(WebSocketRoute.CONNECT, denied.status());
                return new ConnectOutcome(false, denied.status(), null, connection);
            }
            call = call.withConnection(connection.withPrincipal(((AuthorizationResult.Allowed) decision).principal()));
        }
        Route route = routes.get(WebSocketRoute.CONNECT);
        if (route == null) {
            observer.routed(WebSocketRoute.CONNECT, 200, false, null);
            return new ConnectOutcome(true, 200, null, call.connection());
        }
        WebSocketRouteResult result = invoke(route, call);
        // A failed $connect integration refuses the handshake (AWS-REFERENCE 3.2).
        return new ConnectOutcome(result.accepted(), result.status(), result.subprotocol(), call.connection());
    }

    /**
     * The handshake completed: the connection (as {@link ConnectOutcome#connection()} gives it, with its principal
     * for every later event) is open and reachable through {@code @connections}.
     */
    public void accept(WebSocketEvent.Connection connection, Session session) {
        connections.add(new OpenConnection(connection, session, observing));
        observer.connected(connection.connectionId());
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
        int size = measure(connection, body);
        connection.received(body, routeKey.orElse(null), size);
        observer.received(connectionId, routeKey.orElse(null), body, size);
        if (routeKey.isEmpty()) {
            observer.refused(null, 403);
            sendFrame(connection, errorFrame("Forbidden", connectionId, requestId), null);
            return;
        }
        Route route = routes.get(routeKey.get());
        WebSocketRouteResult result = invoke(route,
                WebSocketRouteCall.message(connection.info(), routeKey.get(), requestId, body));
        if (result.failed()) {
            sendFrame(connection, errorFrame("Internal server error", connectionId, requestId), routeKey.get());
        } else if (route.twoWay() && result.frame() != null) {
            sendFrame(connection, result.frame(), routeKey.get());
        }
    }

    /** Sends data to a connection (PostToConnection); false when it is gone. */
    public boolean send(OpenConnection connection, String data) {
        return sendFrame(connection, data, null);
    }

    /** Every frame to a client goes here, so that the observer sees each one that went out. */
    private boolean sendFrame(OpenConnection connection, String frame, @Nullable String routeKey) {
        int size = measure(connection, frame);
        return connection.send(frame, routeKey, size,
                () -> observer.sentToClient(connection.id(), routeKey, frame, size));
    }

    /** A frame's UTF-8 size, measured once for the connection's frames and every observer; 0 when nobody looks. */
    private int measure(OpenConnection connection, String frame) {
        return observing || connection.keepsFrames() ? WebSocketFrame.utf8Length(frame) : 0;
    }

    /**
     * Closes a connection from the server side (DeleteConnection): it is gone for {@code @connections} at once, and
     * {@code $disconnect} runs before this returns.
     */
    public void disconnect(OpenConnection connection) {
        end(connection.id(), 1000, "", true);
    }

    /** Closes every connection and runs their {@code $disconnect}s before returning (a per-test reset, a stop). */
    public void closeAll() {
        connections.all().forEach(connection -> end(connection.id(), 1001, "Going away", true));
    }

    /** A connection ended (either side, a limit): run {@code $disconnect}, best effort. */
    public void closed(String connectionId, int statusCode, String reason) {
        end(connectionId, statusCode, reason, false);
    }

    /** Removal is atomic, so {@code $disconnect} runs once however a connection ends. */
    private void end(String connectionId, int statusCode, String reason, boolean closeSocket) {
        Optional<OpenConnection> removed = connections.remove(connectionId, statusCode);
        if (removed.isEmpty()) {
            return;
        }
        OpenConnection connection = removed.get();
        observer.disconnected(connectionId, statusCode,
                Duration.between(connection.connectedAt(), connection.closedAt()));
        if (closeSocket) {
            removed.get().close(statusCode, reason);
        }
        Route route = routes.get(WebSocketRoute.DISCONNECT);
        if (route != null) {
            invoke(route, WebSocketRouteCall.disconnect(removed.get().info(), statusCode, reason));
        }
    }

    /** A handler that throws (a stub, a missing function) is a failed integration, not a dead connection. */
    private WebSocketRouteResult invoke(Route route, WebSocketRouteCall call) {
        long start = System.nanoTime();
        WebSocketRouteResult result;
        try {
            result = route.handler().invoke(call);
        } catch (RuntimeException e) {
            LOG.warn("WebSocket route handler failed on connection {}: {}", call.connection().connectionId(), e.toString());
            result = WebSocketRouteResult.failure();
        }
        // AWS suppresses IntegrationLatency for mock integrations [D apigateway-websocket-api-logging].
        Duration latency = route.handler() instanceof WebSocketMockRoute ? null
                : Duration.ofNanos(System.nanoTime() - start);
        observer.routed(call.routeKey(), result.status(), result.failed(), latency);
        return result;
    }

    private static String errorFrame(String message, String connectionId, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId + "\", \"requestId\":\""
                + requestId + "\"}";
    }
}
