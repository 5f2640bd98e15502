package dev.apigw.emulator.server;

import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.observe.ApiOverview;
import dev.apigw.emulator.observe.DashboardJson;
import dev.apigw.emulator.observe.FeedSubscriber;
import dev.apigw.emulator.observe.JournalJson;
import dev.apigw.emulator.observe.LiveFeed;
import dev.apigw.emulator.websocket.ClosedConnection;
import dev.apigw.emulator.websocket.Connections;
import dev.apigw.emulator.websocket.OpenConnection;
import dev.apigw.emulator.websocket.WebSocketFrame;
import dev.apigw.emulator.websocket.WebSocketGateway;
import dev.apigw.model.ApiType;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard at {@code PREFIX/} ({@code /_apigw/} unless {@code --admin-prefix} moved it): its page and static
 * files from the classpath, and the JSON it reads (overview, statistics, cost, one journal entry, WebSocket
 * connections) plus the live feed as Server-Sent Events. Every endpoint reads the gateway being served now, so a
 * {@code --watch} reload shows the new one.
 */
public final class DashboardRoutes {
    /** Where the page's files are on the classpath. */
    static final String RESOURCES = "dev/apigw/emulator/dashboard/";
    /** The only files served from there, with their content types. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8");
    private static final String JSON_TYPE = "application/json";
    /** How many open WebSocket connections {@code /api/websocket} lists, newest first; the rest are counted. */
    static final int LISTED_OPEN_CONNECTIONS = 100;

    private DashboardRoutes() {}

    /** Registers the dashboard's endpoints; call before the catch-all under the prefix. */
    public static void register(Javalin app, Supplier<Gateway> current) {
        String prefix = current.get().adminPrefix();
        // Javalin ignores trailing slashes when matching, so PREFIX and PREFIX/ reach the same handler.
        app.get(prefix, ctx -> {
            if (ctx.path().endsWith("/")) {
                file(ctx, "index.html");
            } else {
                ctx.redirect(prefix + "/", io.javalin.http.HttpStatus.FOUND);
            }
        });
        app.get(prefix + "/dashboard/{file}", ctx -> file(ctx, ctx.pathParam("file")));
        app.get(prefix + "/api/overview", ctx -> json(ctx, overview(current.get(), ctx)));
        app.get(prefix + "/api/stats", ctx -> json(ctx, current.get().statistics().snapshot()));
        app.get(prefix + "/api/cost", ctx -> json(ctx, cost(current.get())));
        app.get(prefix + "/api/journal/{requestId}", ctx -> journalEntry(current.get(), ctx));
        app.get(prefix + "/api/websocket", ctx -> json(ctx, current.get().webSocket()
                .map(DashboardRoutes::connections).orElse(new WebSocketConnections(List.of(), 0))));
        app.sse(prefix + "/api/events", client -> subscribe(current.get().liveFeed(), client));
        // Open streams would hold the server's shutdown up: end them first (the browser reconnects on its own).
        app.events(events -> events.serverStopping(() -> current.get().liveFeed().close()));
    }

    /** Serves one file of the page; anything not on the allow-list is 404, so no path can leave the directory. */
    private static void file(Context ctx, String name) throws IOException {
        String contentType = FILES.get(name);
        InputStream in = contentType == null ? null
                : DashboardRoutes.class.getClassLoader().getResourceAsStream(RESOURCES + name);
        if (in == null) {
            ctx.status(404).contentType(JSON_TYPE).result(message("no dashboard file " + name + "; the dashboard"
                    + " serves index.html, dashboard.js and dashboard.css"));
            return;
        }
        try (in) {
            ctx.header("Cache-Control", "no-cache").contentType(contentType).result(in.readAllBytes());
        }
    }

    private static ApiOverview overview(Gateway gateway, Context ctx) {
        // As the client addressed the server (Host header), which may differ from the address it listens on.
        URI baseUri = GatewayServer.baseUri(URI.create("http://" + EmulatorRoutes.hostOf(ctx)), gateway.stage());
        String webSocketUrl = gateway.api().type() == ApiType.WEBSOCKET
                ? GatewayServer.webSocketUri(baseUri).toString() : null;
        return ApiOverview.of(gateway.api(), gateway.apiId(), gateway.stage(),
                new ApiOverview.Addresses(baseUri.toString(), webSocketUrl), gateway.observability(),
                gateway.journal().size(), gateway.routes());
    }

    /** The cost so far, the open WebSocket connections' minutes included. */
    private static Object cost(Gateway gateway) {
        Instant now = Instant.now();
        List<Duration> open = gateway.webSocket()
                .map(ws -> ws.connections().all().stream().map(c -> Duration.between(c.connectedAt(), now)).toList())
                .orElse(List.of());
        return gateway.costEstimate().report(open);
    }

    private static void journalEntry(Gateway gateway, Context ctx) {
        String requestId = ctx.pathParam("requestId");
        gateway.journal().find(requestId).ifPresentOrElse(
                entry -> ctx.contentType(JSON_TYPE).result(JournalJson.json(entry)),
                () -> ctx.status(404).contentType(JSON_TYPE).result(message("no request " + requestId
                        + " in the request journal, which keeps the last " + gateway.journal().size()
                        + " requests; raise --journal-size to keep more")));
    }

    /**
     * {@code GET PREFIX/api/websocket}.
     *
     * @param omitted how many open connections are not listed (beyond the {@link #LISTED_OPEN_CONNECTIONS} newest)
     */
    record WebSocketConnections(List<ConnectionLine> connections, int omitted) {}

    /** One connection, open or recently closed, with its last frames oldest first. */
    record ConnectionLine(String connectionId, boolean open, Instant connectedAt, @Nullable Instant closedAt,
            @Nullable Integer closeCode, String sourceIp, List<FrameLine> frames) {}

    /** One frame; {@code direction} is in or out. */
    record FrameLine(String direction, Instant time, @Nullable String routeKey, int size, String data,
            boolean truncated) {}

    /** The newest open connections and the recently closed ones, newest first. */
    private static WebSocketConnections connections(WebSocketGateway webSocket) {
        Connections.Snapshot snapshot = webSocket.connections().snapshot();
        List<OpenConnection> open = new ArrayList<>(snapshot.open());
        open.sort(Comparator.comparing(OpenConnection::connectedAt).reversed());
        int omitted = Math.max(0, open.size() - LISTED_OPEN_CONNECTIONS);
        List<ConnectionLine> lines = new ArrayList<>();
        for (OpenConnection connection : open.subList(0, open.size() - omitted)) {
            lines.add(new ConnectionLine(connection.id(), true, connection.connectedAt(), null, null,
                    connection.info().sourceIp(), frameLines(connection.frames())));
        }
        for (ClosedConnection connection : snapshot.recentlyClosed()) {
            lines.add(new ConnectionLine(connection.connectionId(), false, connection.connectedAt(),
                    connection.closedAt(), connection.closeCode(), connection.sourceIp(),
                    frameLines(connection.frames())));
        }
        lines.sort(Comparator.comparing(ConnectionLine::connectedAt).reversed());
        return new WebSocketConnections(lines, omitted);
    }

    private static List<FrameLine> frameLines(List<WebSocketFrame> frames) {
        List<FrameLine> lines = new ArrayList<>(frames.size());
        for (WebSocketFrame frame : frames) {
            lines.add(new FrameLine(frame.direction().name().toLowerCase(Locale.ROOT), frame.time(),
                    frame.routeKey(), frame.size(), frame.data(), frame.truncated()));
        }
        return lines;
    }

    /** Keeps the stream open and feeds it until the client leaves or the gateway closes. */
    private static void subscribe(LiveFeed feed, SseClient client) {
        client.keepAlive();
        FeedSubscriber subscriber = new SseSubscriber(client);
        client.onClose(() -> feed.unsubscribe(subscriber));
        feed.subscribe(subscriber);
    }

    /** A browser's EventSource as a {@link FeedSubscriber}. */
    private record SseSubscriber(SseClient client) implements FeedSubscriber {
        @Override
        public void event(String name, String data) {
            client.sendEvent(name, data);
        }

        @Override
        public void comment(String text) {
            client.sendComment(text);
        }

        @Override
        public boolean gone() {
            return client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType(JSON_TYPE).result(DashboardJson.write(value));
    }

    private static String message(String text) {
        return "{\"message\":" + JournalJson.quoted(text) + "}";
    }
}
