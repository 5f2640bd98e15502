package dev.apigw.emulator.server;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The only class that sees Javalin's {@link Context}: turns it into a {@link GatewayRequest} as received (raw path,
 * raw query, header lines in order) and writes the {@link GatewayResponse} back. No gateway logic lives here.
 */
public final class JavalinTransport implements Handler {
    /** Marks a request this transport answered, so Javalin's not-found fallback does not answer it again. */
    private static final String ANSWERED = "apigw.answered";

    private final Gateway gateway;
    private final long maxRequestBytes;

    public JavalinTransport(Gateway gateway, long maxRequestBytes) {
        this.gateway = gateway;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        HttpServletRequest req = ctx.req();
        // Read at most one byte past the limit: a chunked body has no Content-Length to check up front.
        byte[] body = req.getInputStream().readNBytes((int) maxRequestBytes + 1);
        GatewayRequest request = toRequest(req, body.length > maxRequestBytes ? new byte[0] : body);
        write(ctx, body.length > maxRequestBytes ? gateway.refuseTooLarge(request, maxRequestBytes)
                : gateway.handle(request));
    }

    /**
     * For Javalin's 404 fallback: requests with methods Javalin does not route still reach the gateway; 404s that
     * the gateway or apigw's own endpoints produced stay as they are.
     */
    public void handleUnanswered(Context ctx) throws IOException {
        if (ctx.attribute(ANSWERED) == null && !ctx.path().startsWith(gateway.adminPrefix() + "/")) {
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
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                headers.add(new Header(name, value));
            }
        }
        return new Headers(headers);
    }

    static void write(Context ctx, GatewayResponse response) {
        HttpServletResponse res = ctx.res();
        ctx.status(response.status());
        boolean contentType = false;
        for (Header header : response.headers().all()) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                ctx.contentType(header.value());
                contentType = true;
            } else {
                res.addHeader(header.name(), header.value());
            }
        }
        if (!contentType) {
            // Javalin would otherwise add its own default content type.
            ctx.res().setContentType(null);
        }
        ctx.result(response.body());
    }
}
