package dev.apigw.emulator.server;

import io.javalin.Javalin;

/**
 * apigw's own endpoints, one line each, under the reserved prefix {@code /_apigw} (never forwarded to the API).
 * The README lists them.
 */
public final class EmulatorRoutes {
    public static final String PREFIX = "/_apigw";

    private EmulatorRoutes() {}

    public static void register(Javalin app) {
        app.get(PREFIX + "/health", ctx -> ctx.json(java.util.Map.of("status", "UP")));
    }
}
