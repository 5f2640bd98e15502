package dev.apigw.emulator.server;

import java.util.Map;
import java.util.function.Supplier;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import dev.apigw.emulator.observe.JournalJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * apigw's own endpoints, one line each, under the reserved prefix ({@code /_apigw} unless {@code --admin-prefix}
 * moved it; never forwarded to the API). The README lists them.
 */
public final class EmulatorRoutes {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private EmulatorRoutes() {}

    /**
     * apigw's endpoints for the gateway being served (after a {@code --watch} reload, the new one): health, the
     * local issuer's discovery document and JWKS, metrics, the request journal and the dashboard. The metrics and
     * the journal are the server's, every stage's; the cache endpoint flushes every stage's cache, or one's.
     *
     * @param current the main stage's gateway
     * @param stages every stage the server serves
     */
    public static void register(Javalin app, Supplier<Gateway> current, ServedStages stages) {
        // The prefix cannot change on a --watch reload: it comes from the same configuration.
        String prefix = current.get().adminPrefix();
        // Before the catch-all: Javalin takes the first handler whose path matches.
        app.get(prefix + "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(current.get().metrics().scrape()));
        app.get(prefix + "/journal", ctx -> journal(current.get(), ctx));
        app.delete(prefix + "/cache", ctx -> CacheFlush.answer(stages, prefix, ctx));
        DashboardRoutes.register(app, current);
        registerIssuerAndHealth(app, prefix, () -> current.get().localIssuer());
    }

    /** Health and the issuer's endpoints alone, for an issuer served without a gateway. */
    public static void register(Javalin app, LocalIssuer issuer) {
        registerIssuerAndHealth(app, GatewayConfig.DEFAULT_ADMIN_PREFIX, () -> issuer);
    }

    /** The issuer's endpoints, health, and last the catch-all answering 404 for anything else under the prefix. */
    private static void registerIssuerAndHealth(Javalin app, String prefix, Supplier<LocalIssuer> issuers) {
        app.get(issuers.get().path() + "/.well-known/openid-configuration", ctx -> {
            LocalIssuer issuer = issuers.get();
            ctx.json(issuer.discoveryDocument(issuer.url(hostOf(ctx))));
        });
        app.get(issuers.get().path() + "/.well-known/jwks.json",
                ctx -> ctx.contentType("application/json").result(issuers.get().publicKeys().toString()));
        app.get(prefix + "/health", ctx -> ctx.json(Map.of("status", "UP")));
        for (HandlerType method : HandlerType.getEntries()) {
            if (method.isHttpMethod()) {
                app.addHttpHandler(method, prefix + "/*", ctx -> ctx.status(404).json(Map.of("message",
                        "no apigw endpoint " + ctx.method() + " " + ctx.path() + "; see the README for the list")));
            }
        }
    }

    private static void journal(Gateway gateway, Context ctx) {
        try {
            ctx.contentType("application/json").result(JournalJson.render(gateway.journal(), ctx.queryParam("limit")));
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType("application/json")
                    .result("{\"message\":" + JournalJson.quoted(e.getMessage()) + "}");
        }
    }

    /**
     * The server as the client addressed it (its Host header), so the discovery document's URLs work
     * from wherever the client is, and match the {@code iss} of tokens minted for that address.
     */
    static String hostOf(Context ctx) {
        String host = ctx.header("Host");
        return host == null || host.isBlank() ? ctx.req().getServerName() + ":" + ctx.port() : host;
    }
}
