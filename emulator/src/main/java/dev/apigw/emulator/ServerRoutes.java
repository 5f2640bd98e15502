package dev.apigw.emulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayServer.Served;
import dev.apigw.emulator.lambdaapi.InvokeApi;
import dev.apigw.emulator.reload.Generations;
import dev.apigw.emulator.server.ConnectionsApi;
import dev.apigw.emulator.server.EmulatorRoutes;
import dev.apigw.emulator.server.WebSocketTransport;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link GatewayServer} registers on its Javalin app: apigw's own endpoints, each stage's WebSocket endpoint
 * and {@code @connections}, and the catch-all that hands each request to the gateway of its stage (and canary
 * variant), held for the request so that a {@code --watch} reload closes it only afterwards.
 */
final class ServerRoutes {
    private ServerRoutes() {}

    /** The stages as served: each stage's gateways in their own generations, a canary's with its split. */
    static StageDispatch dispatch(List<StageGateways> gateways, boolean adminHere) {
        Map<String, StageDispatch.Stage> stages = new LinkedHashMap<>();
        for (StageGateways stage : gateways) {
            Canary canary = stage.canarySettings();
            Gateway canaryVariant = stage.canary();
            stages.put(stage.main().stage(), new StageDispatch.Stage(
                    new Generations<>(new Served(stage.main(), adminHere)),
                    canaryVariant == null ? null : new Generations<>(new Served(canaryVariant, adminHere)),
                    canary == null ? null : new CanarySplit(canary)));
        }
        return new StageDispatch(stages);
    }

    static List<WebSocketTransport> register(Javalin app, StageDispatch stages, List<StageGateways> gateways,
            WebSocketLimits limits, boolean adminHere) {
        Generations<Served> served = stages.main();
        if (adminHere) {
            EmulatorRoutes.register(app, () -> served.current().gateway(), stages);
        }
        // @connections stays with the API whatever happens to the admin endpoints: on AWS, backends call it on the
        // API's own host (https://{api-id}.execute-api.{region}.amazonaws.com/{stage}/@connections). Each stage has
        // its own endpoint and connections (a WebSocket API has no canaries, and --watch does not swap it), so a
        // connection id of one stage is unknown on another's @connections.
        List<WebSocketTransport> webSockets = new ArrayList<>();
        for (StageGateways stage : gateways) {
            Gateway gateway = stage.main();
            gateway.webSocket().ifPresent(ws -> {
                ConnectionsApi.register(app, ws);
                webSockets.add(WebSocketTransport.register(app, ws, gateway.apiId(), limits));
            });
        }
        if (adminHere) {
            // The Lambda Invoke API shares the port for SDK calls (X-Amz-Invocation-Type or a SigV4 "lambda" scope);
            // any other POST to its path goes to the API. Registered before the catch-all, which Javalin tries last.
            registerInvokeApi(app, served, ctx -> handle(stages, ctx));
        }
        for (HandlerType method : HandlerType.getEntries()) {
            if (method.isHttpMethod()) {
                app.addHttpHandler(method, "*", ctx -> handle(stages, ctx));
            }
        }
        app.error(404, ctx -> handleUnanswered(stages, ctx));
        return webSockets;
    }

    /** Each Invoke call holds the gateway it started on, so that a --watch reload closes it only afterwards. */
    static void registerInvokeApi(Javalin app, Generations<Served> served, @Nullable Handler otherwise) {
        InvokeApi.registerLeased(app, () -> {
            Generations.Lease<Served> lease = served.acquire();
            return new InvokeApi.FunctionsLease(lease.value().gateway().functions(), lease::close);
        }, otherwise);
    }

    private static void handle(StageDispatch stages, Context ctx) throws IOException {
        try (Generations.Lease<Served> lease = leaseFor(stages, ctx)) {
            lease.value().transport().handle(ctx);
        }
    }

    private static void handleUnanswered(StageDispatch stages, Context ctx) throws IOException {
        try (Generations.Lease<Served> lease = leaseFor(stages, ctx)) {
            lease.value().transport().handleUnanswered(ctx);
        }
    }

    /** The gateway of the request's stage and variant, held until the request is answered. */
    private static Generations.Lease<Served> leaseFor(StageDispatch stages, Context ctx) {
        return stages.forRequest(ctx.req().getRequestURI(), ctx.req().getHeader(CanarySplit.HEADER)).acquire();
    }
}
