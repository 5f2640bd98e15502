package dev.apigw.emulator.server;

import java.util.Map;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * apigw's own endpoints, one line each, under the reserved prefix {@code /_apigw} (never forwarded to the API).
 * The README lists them.
 */
public final class EmulatorRoutes {
    public static final String PREFIX = "/_apigw";

    private EmulatorRoutes() {}

    /** apigw's endpoints: health, and the local issuer's discovery document and JWKS. */
    public static void register(Javalin app, LocalIssuer issuer) {
        // Before the catch-all below: Javalin takes the first handler whose path matches.
        app.get(LocalIssuer.PATH + "/.well-known/openid-configuration",
                ctx -> ctx.json(issuer.discoveryDocument(issuer.url(hostOf(ctx)))));
        app.get(LocalIssuer.PATH + "/.well-known/jwks.json",
                ctx -> ctx.contentType("application/json").result(issuer.publicKeys().toString()));
        app.get(PREFIX + "/health", ctx -> ctx.json(Map.of("status", "UP")));
        for (HandlerType method : HandlerType.getEntries()) {
            if (method.isHttpMethod()) {
                app.addHttpHandler(method, PREFIX + "/*", ctx -> ctx.status(404).json(Map.of("message",
                        "no apigw endpoint " + ctx.method() + " " + ctx.path() + "; see the README for the list")));
            }
        }
    }

    /**
     * The server as the client addressed it (its Host header), so the discovery document's URLs work
     * from wherever the client is, and match the {@code iss} of tokens minted for that address.
     */
    private static String hostOf(Context ctx) {
        String host = ctx.header("Host");
        return host == null || host.isBlank() ? ctx.req().getServerName() + ":" + ctx.port() : host;
    }
}
