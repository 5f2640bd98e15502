package dev.apigw.emulator.server;

import java.util.Map;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;

/**
 * apigw's own endpoints, one line each, under the reserved prefix {@code /_apigw} (never forwarded to the API).
 * The README lists them.
 */
public final class EmulatorRoutes {
    public static final String PREFIX = "/_apigw";

    private EmulatorRoutes() {}

    public static void register(Javalin app) {
        app.get(PREFIX + "/health", ctx -> ctx.json(Map.of("status", "UP")));
        for (HandlerType method : HandlerType.getEntries()) {
            if (method.isHttpMethod()) {
                app.addHttpHandler(method, PREFIX + "/*", ctx -> ctx.status(404).json(Map.of("message",
                        "no apigw endpoint " + ctx.method() + " " + ctx.path() + "; see the README for the list")));
            }
        }
    }
}
