package dev.apigw.emulator.server;

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
    private final Gateway gateway;

    public JavalinTransport(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void handle(Context ctx) {
        write(ctx, gateway.handle(toRequest(ctx)));
    }

    static GatewayRequest toRequest(Context ctx) {
        HttpServletRequest req = ctx.req();
        String query = req.getQueryString();
        return new GatewayRequest(req.getMethod(), req.getRequestURI(), query == null ? "" : query, headers(req),
                ctx.bodyAsBytes(), req.getRemoteAddr(), Instant.now());
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
