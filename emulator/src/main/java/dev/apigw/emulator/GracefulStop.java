package dev.apigw.emulator;

import java.time.Duration;
import io.javalin.Javalin;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

/** The first step of a graceful stop: the server's listening sockets close, so new connections are refused. */
final class GracefulStop {
    private GracefulStop() {}

    /**
     * Closes the listening sockets (Jetty's graceful connector shutdown, which also stops its acceptor threads).
     * Connections already open stay open, so the requests on them can finish.
     */
    static void stopAccepting(Javalin app, Duration grace) {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector jetty) {
                // Jetty cuts its open connections' idle timeout to 1 s on shutdown; a request whose handler runs
                // longer shows no I/O meanwhile and would lose its connection before the grace period ends.
                jetty.setShutdownIdleTimeout(grace.toMillis() + 1_000);
            }
            connector.shutdown();
        }
    }
}
