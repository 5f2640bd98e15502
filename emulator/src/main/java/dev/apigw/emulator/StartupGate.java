package dev.apigw.emulator;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Holds requests until the gateway's routes are registered. Jetty starts listening while the spec is still being
 * imported (see {@link GatewayServer#start(GatewayConfig)}), so a request that arrives that early waits here instead
 * of meeting a half-registered router. Once open, it costs one volatile read per request.
 */
final class StartupGate extends HandlerWrapper {
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean open;

    /** Lets every request through from now on, those waiting included. */
    void open() {
        open = true;
        decided.countDown();
    }

    /** The gateway did not start: waiting and later requests are refused while the server stops. */
    void refuse() {
        decided.countDown();
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!open) {
            try {
                decided.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!open) {
                baseRequest.setHandled(true);
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        super.handle(target, baseRequest, request, response);
    }
}
