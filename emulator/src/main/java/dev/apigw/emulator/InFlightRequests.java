package dev.apigw.emulator;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests the server is answering now, so that a graceful stop can wait for them and name those still running
 * when its grace period ends. A request counts while its handler runs; an asynchronous one (the dashboard's live
 * feed, which the stop ends itself) stops counting when its handler hands it off.
 */
final class InFlightRequests extends HandlerWrapper {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);

    /** One request being answered, for the shutdown log. */
    record Running(String method, String uri, Instant started) {
        @Override
        public String toString() {
            return method + " " + uri + " (running " + Duration.between(started, Instant.now()).toMillis() + " ms)";
        }
    }

    private final Map<Request, Running> running = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    /** Set once a stop waits: only then does a finishing request take the lock to wake it. */
    private volatile boolean draining;

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean first = baseRequest.getDispatcherType() == DispatcherType.REQUEST;
        if (first) {
            running.put(baseRequest, new Running(request.getMethod(), request.getRequestURI(), Instant.now()));
        }
        try {
            super.handle(target, baseRequest, request, response);
            if (first && draining && !baseRequest.isAsyncStarted()) {
                // Jetty writes what a handler left buffered only after the handlers return; the stop closes the
                // connection as soon as this request stops counting, so write it out first.
                closeOutput(baseRequest);
            }
        } finally {
            if (first) {
                finished(baseRequest);
            }
        }
    }

    private static void closeOutput(Request baseRequest) {
        try {
            baseRequest.getResponse().closeOutput();
        } catch (IOException e) {
            LOG.debug("the client of {} went away before its answer was written: {}", baseRequest.getRequestURI(),
                    e.toString());
        }
    }

    private void finished(Request baseRequest) {
        if (running.remove(baseRequest) != null && draining) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Waits until no request is in flight, or {@code grace} has passed.
     *
     * @return the requests still running then, oldest first (empty when all finished)
     */
    List<Running> awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        draining = true;
        synchronized (idle) {
            long left;
            while (!running.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    idle.wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return running.values().stream().sorted(Comparator.comparing(Running::started)).toList();
    }
}
