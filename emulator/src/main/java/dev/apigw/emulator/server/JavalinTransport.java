package dev.apigw.emulator.server;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that sees Javalin's {@link Context}: turns it into a {@link GatewayRequest} as received (raw path,
 * raw query, header lines in order) and writes the {@link GatewayResponse} back. No gateway logic lives here.
 */
public final class JavalinTransport implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(JavalinTransport.class);

    private static final byte[] NO_BODY = new byte[0];

    private final Gateway gateway;
    private final boolean adminOnThisPort;

    /** @param adminOnThisPort whether apigw's own endpoints share this port (then the admin prefix is theirs) */
    public JavalinTransport(Gateway gateway, boolean adminOnThisPort) {
        this.gateway = gateway;
        this.adminOnThisPort = adminOnThisPort;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        AnsweredRequests.mark(ctx);
        HttpServletRequest req = ctx.req();
        GatewayRequest head = toRequest(req, NO_BODY);
        // As AWS's front end does, a URL, headers or a declared length over a limit are refused before a byte of the
        // body is read; the unread body ends the connection.
        Optional<GatewayResponse> refused = gateway.refusal(head, req.getContentLengthLong());
        if (refused.isPresent()) {
            write(ctx, refused.get().withHeader("Connection", "close"));
            return;
        }
        int limit = gateway.requestLimits().payloadBytes();
        byte[] body;
        try {
            // At most one byte past the limit: a chunked body has no Content-Length to check up front.
            body = req.getInputStream().readNBytes(limit + 1);
        } catch (IOException e) {
            // The client went away or broke the framing mid-body: nobody is left to answer, and nothing is wrong here.
            LOG.debug("the request body of {} {} could not be read: {}", head.method(), head.rawPath(), e.toString());
            return;
        }
        if (body.length > limit) {
            write(ctx, gateway.refusal(head, body.length).orElseThrow().withHeader("Connection", "close"));
            return;
        }
        Answer answer = new Answer(ctx);
        gateway.handle(new GatewayRequest(head.method(), head.rawPath(), head.rawQuery(), head.headers(), body,
                head.sourceIp(), head.time()), answer);
        answer.awaitLateWrite();
    }

    /**
     * Writes a request's response. The gateway runs an in-process handler on this very thread, so the answer comes
     * here before {@code handle} returns, except when the function overran a timeout: then the answer comes from a
     * timer thread while this thread is still in the handler, and is written directly, with {@code Connection: close}
     * because this connection stays busy until the handler returns.
     */
    private static final class Answer implements Consumer<GatewayResponse> {
        private final Context ctx;
        private final Thread requestThread = Thread.currentThread();
        private final CompletableFuture<Void> lateWrite = new CompletableFuture<>();

        Answer(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public void accept(GatewayResponse response) {
            if (Thread.currentThread() == requestThread) {
                write(ctx, response);
                lateWrite.complete(null);
                return;
            }
            try {
                writeNow(ctx.res(), response);
            } catch (IOException | RuntimeException e) {
                LOG.debug("the client went away before its timeout answer was written: {}", e.toString());
            } finally {
                lateWrite.complete(null);
            }
        }

        /** The request's thread must not finish the exchange while a late answer is being written. */
        void awaitLateWrite() {
            lateWrite.join();
        }
    }

    /**
     * For Javalin's 404 fallback: requests with methods Javalin does not route still reach the gateway; 404s that
     * the gateway or apigw's own endpoints produced stay as they are.
     */
    public void handleUnanswered(Context ctx) throws IOException {
        boolean adminPath = adminOnThisPort && ctx.path().startsWith(gateway.adminPrefix() + "/");
        if (!AnsweredRequests.isAnswered(ctx) && !adminPath) {
            handle(ctx);
        }
    }

    private static GatewayRequest toRequest(HttpServletRequest req, byte[] body) {
        String query = req.getQueryString();
        return new GatewayRequest(req.getMethod(), req.getRequestURI(), query == null ? "" : query, headers(req),
                body, req.getRemoteAddr(), Instant.now());
    }

    private static Headers headers(HttpServletRequest req) {
        List<Header> headers = new ArrayList<>();
        ServletHeaders.forEach(req, (name, values) -> values.asIterator()
                .forEachRemaining(value -> headers.add(new Header(name, value))));
        return new Headers(headers);
    }

    /** Writes the response at once, on a thread other than the request's (Javalin writes its result only on that one). */
    private static void writeNow(HttpServletResponse res, GatewayResponse response) throws IOException {
        head(res, response);
        res.setHeader("Connection", "close");
        res.setContentLength(response.body().length);
        res.getOutputStream().write(response.body());
        res.flushBuffer();
    }

    static void write(Context ctx, GatewayResponse response) {
        head(ctx.res(), response);
        ctx.result(response.body());
    }

    private static void head(HttpServletResponse res, GatewayResponse response) {
        res.setStatus(response.status());
        boolean contentType = false;
        for (Header header : response.headers().all()) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                res.setContentType(header.value());
                contentType = true;
            } else {
                res.addHeader(header.name(), header.value());
            }
        }
        if (!contentType) {
            // Javalin would otherwise add its own default content type.
            res.setContentType(null);
        }
    }
}
