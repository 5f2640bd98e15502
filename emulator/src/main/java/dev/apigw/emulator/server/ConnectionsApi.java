package dev.apigw.emulator.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.apigw.emulator.websocket.OpenConnection;
import dev.apigw.emulator.websocket.WebSocketGateway;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The {@code @connections} management API at AWS's paths ({@code /{stage}/@connections/{connectionId}}), so the
 * AWS SDK's {@code ApiGatewayManagementApiClient} with an endpoint override works against the emulator. Requests
 * are SigV4-signed by clients; the signature is accepted without being verified.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
 */
public final class ConnectionsApi {
    /** PostToConnection's payload limit (AWS-REFERENCE 3.5). */
    private static final int MAX_DATA_BYTES = 128 * 1024;
    /** How long a call waits for a connection whose handshake is being answered (see Connections.opening). */
    private static final Duration OPENING_PATIENCE = Duration.ofSeconds(5);

    private ConnectionsApi() {}

    public static void register(Javalin app, WebSocketGateway gateway) {
        String path = "/" + gateway.stage() + "/@connections/{connectionId}";
        app.post(path, ctx -> post(ctx, gateway));
        app.get(path, ctx -> get(ctx, gateway));
        app.delete(path, ctx -> delete(ctx, gateway));
    }

    private static void post(Context ctx, WebSocketGateway gateway) {
        byte[] data = ctx.bodyAsBytes();
        if (data.length > MAX_DATA_BYTES) {
            error(ctx, 413, "PayloadTooLargeException", "Message too long");
            return;
        }
        Optional<OpenConnection> connection = connection(ctx, gateway);
        if (connection.isEmpty() || !gateway.send(connection.get(), new String(data, StandardCharsets.UTF_8))) {
            gone(ctx);
            return;
        }
        ctx.status(200);
    }

    private static void get(Context ctx, WebSocketGateway gateway) {
        Optional<OpenConnection> connection = connection(ctx, gateway);
        if (connection.isEmpty()) {
            gone(ctx);
            return;
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", connection.get().info().sourceIp());
        identity.put("userAgent", connection.get().info().userAgent());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectedAt", connection.get().connectedAt().toString());
        body.put("identity", identity);
        body.put("lastActiveAt", connection.get().lastActiveAt().toString());
        ctx.json(body);
    }

    private static void delete(Context ctx, WebSocketGateway gateway) {
        Optional<OpenConnection> connection = connection(ctx, gateway);
        if (connection.isEmpty()) {
            gone(ctx);
            return;
        }
        gateway.disconnect(connection.get());
        ctx.status(204);
    }

    private static Optional<OpenConnection> connection(Context ctx, WebSocketGateway gateway) {
        // Connection ids end in '=', which clients send URL-encoded (%3D) [D].
        String id = URLDecoder.decode(ctx.pathParam("connectionId"), StandardCharsets.UTF_8);
        return gateway.connections().await(id, OPENING_PATIENCE);
    }

    private static void gone(Context ctx) {
        error(ctx, 410, "GoneException", null);
    }

    private static void error(Context ctx, int status, String type, String message) {
        ctx.status(status).header("x-amzn-ErrorType", type).contentType("application/json")
                .result(message == null ? "{}" : "{\"message\":\"" + message + "\"}");
    }
}
