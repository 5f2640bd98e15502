package dev.apigw.emulator;

import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.apigw.emulator.server.EmulatorRoutes;
import dev.apigw.emulator.server.ServedStages;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * apigw's own endpoints on a port of their own ({@code --admin-port}): the dashboard, metrics, health, the journal,
 * the local issuer and the Lambda Invoke API, at the same paths as on the API's port. Nothing else is served here,
 * and nothing of this is served on the API's port.
 */
record AdminServer(Javalin app, int port) {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    /**
     * @param current the main stage's gateway being served now (a {@code --watch} reload replaces it)
     * @param stages every stage served, for the endpoints that act on all of them
     * @param moreRoutes registers what needs the server's own bookkeeping (the Invoke API's leases)
     */
    static AdminServer start(String host, int port, Supplier<Gateway> current, ServedStages stages,
            Consumer<Javalin> moreRoutes) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        });
        // The Invoke API first: the admin prefix's catch-all must not hide it.
        moreRoutes.accept(app);
        EmulatorRoutes.register(app, current, stages);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            throw new GatewayStartupException("could not serve apigw's admin endpoints on " + host + ":" + port
                    + " (" + e.getMessage() + "); pass another --admin-port, 0 for a free one", e);
        }
        LOG.info("apigw admin endpoints on {}", GatewayServer.uriOf(host, app.port()));
        // Kept: Jetty reports no port once the listening socket closes.
        return new AdminServer(app, app.port());
    }
}
