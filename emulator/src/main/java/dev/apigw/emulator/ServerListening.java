package dev.apigw.emulator;

import java.net.BindException;
import java.util.List;
import dev.apigw.emulator.reload.Generations;
import dev.apigw.emulator.server.JettyLimits;
import dev.apigw.emulator.server.WebSocketTransport;
import io.javalin.Javalin;
import org.eclipse.jetty.http.UriCompliance;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Javalin server started on its own thread, before the gateway it will serve exists. Requests that arrive
 * before {@link #serve} has registered the gateway's routes wait at its {@link StartupGate}.
 */
final class ServerListening {
    // Its lines are the server's: "GatewayServer - apigw serving ..." is what users look for.
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private final ServerSettings settings;
    private final StartupGate gate = new StartupGate();
    private final InFlightRequests inFlight = new InFlightRequests();
    private final Thread starter;
    // Written by the starter thread, read after joining it.
    private @Nullable Javalin app;
    private @Nullable RuntimeException failure;

    private ServerListening(ServerSettings settings) {
        this.settings = settings;
        this.starter = new Thread(this::startJavalin, "apigw-server-start");
    }

    static ServerListening begin(ServerSettings settings) {
        ServerListening listening = new ServerListening(settings);
        listening.starter.start();
        return listening;
    }

    private void startJavalin() {
        try {
            app = Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.http.disableCompression();
                WebSocketTransport.configure(config, settings.limits());
                // AWS keeps '//' and encoded slashes in paths; Jetty's default compliance would reject them with
                // 400.
                config.jetty.modifyHttpConfiguration(http -> {
                    http.setUriCompliance(UriCompliance.LEGACY);
                    http.setSendServerVersion(false);
                    JettyLimits.configure(http, settings.requestLimits());
                });
                config.jetty.modifyServer(server -> JettyLimits.configure(server, settings.requestLimits()));
                config.jetty.modifyServletContextHandler(context -> {
                    context.insertHandler(gate);
                    context.insertHandler(inFlight);
                });
            });
            app.start(settings.host(), settings.port());
            JettyLimits.configureConnectors(app.jettyServer().server(), settings.requestLimits());
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void awaitStarted() {
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The gateway could not be created: the server stops without having served anything. */
    void abandon() {
        awaitStarted();
        stop();
    }

    private void stop() {
        gate.refuse();
        if (app != null) {
            app.stop();
        }
    }

    /** Registers the gateways' routes once the server listens, then lets requests in; the first is the main one. */
    GatewayServer serve(List<StageGateways> gateways) {
        awaitStarted();
        Gateway gateway = gateways.get(0).main();
        if (failure != null || app == null) {
            stop();
            gateways.forEach(StageGateways::close);
            RuntimeException e = failure == null ? new IllegalStateException("the server did not start") : failure;
            if (portInUse(e)) {
                throw new GatewayStartupException("port " + settings.port() + " on " + settings.host() + " is in use;"
                        + " pass --port 0 for a free port, or stop the process that holds it", e);
            }
            throw new GatewayStartupException("could not start the server on " + settings.host() + ":"
                    + settings.port() + ": " + rootCause(e) + "; check --host and --port", e);
        }
        Javalin server = app;
        boolean adminHere = settings.adminEndpoints().sharesApiPort();
        StageDispatch stages = ServerRoutes.dispatch(gateways, adminHere);
        Generations<GatewayServer.Served> served = stages.main();
        List<WebSocketTransport> webSockets;
        AdminServer admin = null;
        try {
            webSockets = ServerRoutes.register(server, stages, gateways, settings.limits(), adminHere);
            if (settings.adminEndpoints().placement() == AdminEndpoints.Placement.OWN_PORT) {
                admin = AdminServer.start(settings.host(), settings.adminEndpoints().port(),
                        () -> served.current().gateway(), stages,
                        adminApp -> ServerRoutes.registerInvokeApi(adminApp, served, null));
            }
        } catch (RuntimeException | Error e) {
            stop();
            stages.close();
            throw e;
        }
        gate.open();
        GatewayServer started = new GatewayServer(stages, server, settings.host(), webSockets, inFlight, settings,
                admin);
        for (String stage : stages.names()) {
            LOG.info("apigw serving {} on {}", gateway.api().title(), started.baseUri(stage));
        }
        return started;
    }

    private static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException && String.valueOf(t.getMessage()).contains("in use")) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
