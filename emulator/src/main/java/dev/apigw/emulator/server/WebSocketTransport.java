package dev.apigw.emulator.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.WebSocketLimits;
import dev.apigw.emulator.websocket.ConnectionIds;
import dev.apigw.emulator.websocket.WebSocketEvent;
import dev.apigw.emulator.websocket.WebSocketGateway;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsContext;

/**
 * The WebSocket side of the transport: clients connect at {@code ws://host:port/{stage}}; the handshake waits for
 * {@code $connect}; frames and closes go to the {@link WebSocketGateway}. AWS's limits apply ({@link WebSocketLimits}):
 * larger frames and messages close the connection with 1009, binary frames with 1003, idle and old connections are
 * closed (AWS-REFERENCE 3.6).
 */
public final class WebSocketTransport {
    private static final String CONNECTION = "apigw.connection";
    /** After this, a handshake $connect accepted but the client never completed is given up (Connections.opening). */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final WebSocketGateway gateway;
    private final String apiId;
    private final Duration maxDuration;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<String, ScheduledFuture<?>> maxDurationTimers = new ConcurrentHashMap<>();

    private WebSocketTransport(WebSocketGateway gateway, String apiId, Duration maxDuration) {
        this.gateway = gateway;
        this.apiId = apiId;
        this.maxDuration = maxDuration;
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "apigw-websocket-timers");
            thread.setDaemon(true);
            return thread;
        });
        // A closed connection's timer goes away at once, so connection churn does not pile up two-hour timers.
        this.timers.setRemoveOnCancelPolicy(true);
    }

    /** The Jetty limits for WebSocket sessions, set before the server starts. */
    public static void configure(JavalinConfig config, WebSocketLimits limits) {
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setMaxFrameSize(limits.frameBytes());
            // Jetty would otherwise split an oversized incoming frame instead of refusing it; AWS closes with 1009.
            factory.setAutoFragment(false);
            factory.setMaxTextMessageSize(limits.messageBytes());
            factory.setMaxBinaryMessageSize(limits.messageBytes());
            factory.setIdleTimeout(limits.idleTimeout());
        });
    }

    public static WebSocketTransport register(Javalin app, WebSocketGateway gateway, String apiId,
            WebSocketLimits limits) {
        WebSocketTransport transport = new WebSocketTransport(gateway, apiId, limits.maxDuration());
        String path = "/" + gateway.stage();
        app.wsBeforeUpgrade(path, transport::beforeUpgrade);
        app.ws(path, ws -> {
            ws.onConnect(ctx -> transport.opened(ctx));
            ws.onMessage(ctx -> gateway.message(connectionId(ctx), ctx.message()));
            ws.onBinaryMessage(ctx -> ctx.session.close(1003, "Binary frames are not supported"));
            ws.onClose(ctx -> transport.closed(ctx));
        });
        return transport;
    }

    private void beforeUpgrade(Context ctx) {
        WebSocketEvent.Connection connection = new WebSocketEvent.Connection(ConnectionIds.connectionId(),
                System.currentTimeMillis(), ctx.host() == null ? "localhost" : ctx.host(), gateway.stage(), apiId,
                ctx.ip(), ctx.userAgent(), ServletHeaders.of(ctx.req()), ctx.queryParamMap());
        WebSocketGateway.ConnectOutcome outcome = gateway.connect(connection);
        if (!outcome.accepted()) {
            // AWS refuses the upgrade: the client sees the status, no connection is made (AWS-REFERENCE 3.2).
            throw new HttpResponseException(outcome.status(), "", Map.of());
        }
        if (outcome.subprotocol() != null) {
            ctx.header("Sec-WebSocket-Protocol", outcome.subprotocol());
        }
        // The connection as $connect left it: with the authorizer's principal, shown in all its later events.
        ctx.attribute(CONNECTION, outcome.connection());
        String id = outcome.connection().connectionId();
        gateway.connections().opening(id);
        timers.schedule(() -> gateway.connections().notOpened(id), HANDSHAKE_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void opened(WsContext ctx) {
        WebSocketEvent.Connection connection = ctx.attribute(CONNECTION);
        ctx.attribute(CONNECTION, connection);
        gateway.accept(connection, ctx.session);
        maxDurationTimers.put(connection.connectionId(), timers.schedule(() -> {
            if (ctx.session.isOpen()) {
                ctx.session.close(1001, "Going away");
            }
        }, maxDuration.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void closed(WsCloseContext ctx) {
        String id = connectionId(ctx);
        ScheduledFuture<?> timer = maxDurationTimers.remove(id);
        if (timer != null) {
            timer.cancel(false);
        }
        gateway.closed(id, ctx.status(), ctx.reason() == null ? "" : ctx.reason());
    }

    private static String connectionId(WsContext ctx) {
        WebSocketEvent.Connection connection = ctx.attribute(CONNECTION);
        return connection == null ? "" : connection.connectionId();
    }

    public void close() {
        timers.shutdownNow();
        gateway.closeAll();
    }
}
