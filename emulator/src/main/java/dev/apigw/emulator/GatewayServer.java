package dev.apigw.emulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.apigw.emulator.reload.SpecWatcher;
import dev.apigw.emulator.server.JavalinTransport;
import dev.apigw.emulator.server.WebSocketTransport;
import dev.apigw.model.Api;
import io.javalin.Javalin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Gateway} served over HTTP by Javalin. {@code AutoCloseable}, so any test framework can use it:
 *
 * <pre>{@code
 * try (GatewayServer server = GatewayServer.start(GatewayConfig.builder().spec(Path.of("openapi.yaml")).port(0).build())) {
 *     HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/pets")).build(),
 *             HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    /**
     * Every stage served, the main one first, each swapped on its own by {@code --watch} while requests in flight
     * finish on the old gateway.
     */
    private final StageDispatch stages;
    private final Javalin app;
    private final String host;
    /** Each stage's WebSocket endpoint, for a WebSocket API; else empty. */
    private final List<WebSocketTransport> webSockets;
    private final InFlightRequests inFlight;
    private final ServerSettings settings;
    private final @Nullable AdminServer admin;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Kept: Jetty reports no port once the listening socket closes, and uri() must work during and after a stop. */
    private final int port;
    private final List<SpecWatcher> specWatchers = new ArrayList<>();

    GatewayServer(StageDispatch stages, Javalin app, String host, List<WebSocketTransport> webSockets,
            InFlightRequests inFlight, ServerSettings settings, @Nullable AdminServer admin) {
        this.stages = stages;
        this.app = app;
        this.host = host;
        this.webSockets = webSockets;
        this.inFlight = inFlight;
        this.settings = settings;
        this.admin = admin;
        this.port = app.port();
    }

    /** Creates the gateway from the config and serves it on {@code config.host():config.port()}. */
    public static GatewayServer start(GatewayConfig config) {
        // Jetty's startup (on a fresh JVM a good part of a second: its classes, thread pool and listening socket)
        // runs on another thread while the spec is imported and the gateway assembled. A problem with the spec or
        // a function is still reported first, as when the two ran one after the other.
        LoopbackWarning.check(config.host(), config.adminEndpoints());
        ServerListening listening = ServerListening.begin(ServerSettings.of(config));
        List<GatewayConfig> stageConfigs = config.stageConfigs();
        ServerWide shared = ServerWide.of(config);
        List<StageGateways> built = new ArrayList<>();
        try {
            for (GatewayConfig stageConfig : stageConfigs) {
                // The document is imported once: the later stages compile the API the first one imported.
                Api imported = built.isEmpty() ? null : built.get(0).main().api();
                built.add(StageGateways.create(stageConfig, shared, imported));
            }
        } catch (RuntimeException | Error e) {
            built.forEach(StageGateways::close);
            listening.abandon();
            throw e;
        }
        GatewayServer server = listening.serve(built);
        if (config.watchSpec()) {
            for (int i = 0; i < stageConfigs.size(); i++) {
                GatewayConfig stageConfig = stageConfigs.get(i);
                SpecWatcher.start(stageConfig, built.get(i).main(), () -> Gateway.create(stageConfig, shared, null),
                        next -> server.serve(stageConfig, next, shared)).ifPresent(server.specWatchers::add);
            }
        }
        return server;
    }

    /** Serves a gateway; the server owns it from now on and closes it with itself. */
    public static GatewayServer start(Gateway gateway, String host, int port) {
        return ServerListening.begin(new ServerSettings(host, port, WebSocketLimits.aws(), gateway.requestLimits(),
                AdminEndpoints.onApiPort(), GatewayConfig.DEFAULT_SHUTDOWN_GRACE))
                .serve(List.of(new StageGateways(gateway, null, null)));
    }

    /**
     * Serves {@code next} for its stage from the next request on, with a new canary variant if the stage has one; the
     * previous ones close after their last requests.
     */
    private void serve(GatewayConfig stageConfig, Gateway next, ServerWide shared) {
        boolean adminHere = settings.adminEndpoints().sharesApiPort();
        StageDispatch.Stage stage = stages.stage(next.stage());
        if (stage.canary() != null) {
            try {
                stage.canary().replace(new Served(StageGateways.canaryOf(stageConfig, next, shared), adminHere));
            } catch (RuntimeException e) {
                LOG.warn("apigw: the canary of stage '{}' could not be rebuilt, so it keeps the previous spec: {}",
                        next.stage(), e.getMessage());
            }
        }
        stage.main().replace(new Served(next, adminHere));
    }

    /** The main stage's gateway being served now; with {@code --watch}, a spec change replaces it. */
    public Gateway gateway() {
        return stages.main().current().gateway();
    }

    /**
     * The named stage's gateway being served now.
     *
     * @throws IllegalArgumentException when this server does not serve that stage
     */
    public Gateway gateway(String stage) {
        return stages.gatewayOf(stage);
    }

    /**
     * Every gateway served now: each stage's and each canary variant's, the main stage's first. A test fixture resets
     * or stubs them all.
     */
    public List<Gateway> servedGateways() {
        return stages.gateways();
    }

    /**
     * Resets every served gateway ({@link Gateway#reset()}) and starts each seeded canary split over from its seed, so
     * that each test of a shared fixture starts from the same state.
     */
    public void reset() {
        servedGateways().forEach(Gateway::reset);
        stages.restartCanarySplits();
    }

    /** The stages served, the main one first. */
    public List<String> stages() {
        return stages.names();
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port} — the server's root. */
    public URI rootUri() {
        return uriOf(host, port());
    }

    static URI uriOf(String host, int port) {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port);
    }

    /** The API's base URL: the root plus the stage segment, except for an HTTP API's {@code $default} stage. */
    public URI baseUri() {
        return baseUri(rootUri(), gateway().stage());
    }

    /** A served stage's base URL: the root plus the stage segment, except for an HTTP API's {@code $default}. */
    public URI baseUri(String stage) {
        return baseUri(rootUri(), gateway(stage).stage());
    }

    /** {@code uri("prod", "/pets/7")} → the stage's base URI plus the path. */
    public URI uri(String stage, String path) {
        return append(baseUri(stage), path);
    }

    /** The API's base URL under {@code root}: the stage segment, except for an HTTP API's {@code $default} stage. */
    public static URI baseUri(URI root, String stage) {
        return stage.equals(GatewayConfig.DEFAULT_HTTP_STAGE) ? root : URI.create(root + "/" + stage);
    }

    /** The WebSocket address of an API's base URL: {@code ws://} for {@code http://}. */
    public static URI webSocketUri(URI baseUri) {
        return URI.create(baseUri.toString().replaceFirst("^http", "ws"));
    }

    /**
     * {@code http://host:port/_apigw/} — apigw's dashboard ({@code --admin-prefix} moves it, {@code --admin-port}
     * puts it on its own port).
     *
     * @throws IllegalStateException when the admin endpoints are turned off
     */
    public URI dashboardUri() {
        return adminRootUri().map(root -> URI.create(root + gateway().adminPrefix() + "/"))
                .orElseThrow(() -> new IllegalStateException("apigw's admin endpoints are turned off (--no-admin),"
                        + " so there is no dashboard; leave them on or give them --admin-port N"));
    }

    /** Where apigw's own endpoints are served: the API's root, the admin port's, or empty when they are off. */
    public Optional<URI> adminRootUri() {
        return switch (settings.adminEndpoints().placement()) {
            case API_PORT -> Optional.of(rootUri());
            case OWN_PORT -> Optional.of(uriOf(host, requireAdmin().port()));
            case OFF -> Optional.empty();
        };
    }

    private AdminServer requireAdmin() {
        if (admin == null) {
            throw new IllegalStateException("the admin server is not running");
        }
        return admin;
    }

    /** {@code ws://host:port/{stage}} — where WebSocket clients connect. */
    public URI webSocketUri() {
        return webSocketUri(baseUri());
    }

    /** {@code uri("/pets/7")} → the base URI plus the path. */
    public URI uri(String path) {
        return append(baseUri(), path);
    }

    private static URI append(URI baseUri, String path) {
        String base = baseUri.toString();
        return URI.create(path.startsWith("/") ? base + path : base + "/" + path);
    }

    /**
     * Stops gracefully, as on SIGTERM: no new connections are accepted, WebSocket clients are closed with 1001
     * "Going away" and their {@code $disconnect} routes run, requests in flight get up to the shutdown grace period
     * to finish, and those still running then are logged and their connections closed. Calling it again does
     * nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        specWatchers.forEach(SpecWatcher::close);
        GracefulStop.stopAccepting(app, settings.shutdownGrace());
        if (admin != null) {
            GracefulStop.stopAccepting(admin.app(), settings.shutdownGrace());
        }
        // The dashboard's live feeds never end on their own; the browser reconnects to the next server.
        stages.names().forEach(stage -> gateway(stage).liveFeed().close());
        webSockets.forEach(WebSocketTransport::close);
        List<InFlightRequests.Running> unfinished = inFlight.awaitIdle(settings.shutdownGrace());
        unfinished.forEach(request -> LOG.warn("apigw: {} was still running when the {} ms shutdown grace period"
                + " ended; its connection is closed without an answer (raise --shutdown-grace to let it finish)",
                request, settings.shutdownGrace().toMillis()));
        if (admin != null) {
            admin.app().stop();
        }
        app.stop();
        stages.close();
    }

    /** A gateway and the transport that feeds it, swapped together. */
    record Served(Gateway gateway, JavalinTransport transport) implements AutoCloseable {
        Served(Gateway gateway, boolean adminHere) {
            this(gateway, new JavalinTransport(gateway, adminHere));
        }

        @Override
        public void close() {
            gateway.close();
        }
    }
}
