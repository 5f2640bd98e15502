package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.emulator.events.EventJson;
import dev.apigw.emulator.events.RequestContextV1;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda proxy events of WebSocket APIs, one per event type, with keys in the order of real captures
 * [E aws-lambda-go apigw-websocket-request-send-message.json, apigw-websocket-request-disconnect.json; powertools
 * apiGatewayWebSocketApiConnect.json]. {@code identity} lists {@code userAgent} (when the upgrade request had one)
 * before {@code sourceIp}; {@code requestId} equals {@code extendedRequestId}. See
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */
public final class WebSocketEvent {

    /**
     * What API Gateway knows of one connection, fixed at {@code $connect}.
     *
     * @param domainName the emulator's {@code host:port}, in place of AWS's {@code {apiId}.execute-api...} name
     * @param connectHeaders the upgrade request's headers as received (names as spelled, in order)
     * @param connectQuery the upgrade request's query parameters, decoded, in order
     */
    public record Connection(String connectionId, long connectedAtEpochMillis, String domainName, String stage,
            String apiId, String sourceIp, @Nullable String userAgent, Map<String, List<String>> connectHeaders,
            Map<String, List<String>> connectQuery) {
        public Connection {
            connectHeaders = copy(connectHeaders);
            connectQuery = copy(connectQuery);
        }

        private static Map<String, List<String>> copy(Map<String, List<String>> map) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return Collections.unmodifiableMap(copy);
        }
    }

    private WebSocketEvent() {}

    /** The {@code $connect} event: the handshake's headers and query, no body. */
    public static byte[] connect(Connection connection, String requestId, Instant time) {
        return EventJson.object(json -> {
            writeHeaders(json, WebSocketEventHeaders.connect(connection, time));
            // Only when the upgrade URL had a query, and placed as in REST events (no real capture shows one).
            if (!connection.connectQuery().isEmpty()) {
                writeLastValues(json, "queryStringParameters", connection.connectQuery());
                EventJson.listMap(json, "multiValueQueryStringParameters", connection.connectQuery());
            }
            writeContext(json, new Context(connection, "$connect", "CONNECT", requestId, time), ctx -> {}, ctx -> {});
            json.writeBooleanField("isBase64Encoded", false);
        });
    }

    /** A MESSAGE event for the selected route: the frame's text as {@code body}, no headers. */
    public static byte[] message(Connection connection, String routeKey, String messageId, String requestId,
            Instant time, String body, boolean base64) {
        return EventJson.object(json -> {
            writeContext(json, new Context(connection, routeKey, "MESSAGE", requestId, time),
                    ctx -> ctx.writeStringField("messageId", messageId), ctx -> {});
            json.writeStringField("body", body);
            json.writeBooleanField("isBase64Encoded", base64);
        });
    }

    /**
     * The {@code $disconnect} event with the close frame's status (AWS reports 1005 when the client sent none) and
     * reason; AWS sends it best-effort after the connection is gone.
     */
    public static byte[] disconnect(Connection connection, String requestId, Instant time, int statusCode,
            String reason) {
        return EventJson.object(json -> {
            writeHeaders(json, WebSocketEventHeaders.disconnect(connection));
            writeContext(json, new Context(connection, "$disconnect", "DISCONNECT", requestId, time),
                    ctx -> ctx.writeNumberField("disconnectStatusCode", statusCode),
                    ctx -> ctx.writeStringField("disconnectReason", reason));
            json.writeBooleanField("isBase64Encoded", false);
        });
    }

    private record Context(Connection connection, String routeKey, String eventType, String requestId, Instant time) {}

    /**
     * requestContext in AWS's order; MESSAGE puts {@code messageId} and DISCONNECT {@code disconnectStatusCode} right
     * after routeKey ({@code afterRouteKey}), DISCONNECT puts {@code disconnectReason} after messageDirection [E].
     */
    private static void writeContext(JsonGenerator json, Context context, EventJson.Body afterRouteKey,
            EventJson.Body afterDirection) throws IOException {
        Connection connection = context.connection();
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("routeKey", context.routeKey());
        afterRouteKey.write(json);
        json.writeStringField("eventType", context.eventType());
        json.writeStringField("extendedRequestId", context.requestId());
        json.writeStringField("requestTime", RequestContextV1.requestTime(context.time()));
        json.writeStringField("messageDirection", "IN");
        afterDirection.write(json);
        json.writeStringField("stage", connection.stage());
        json.writeNumberField("connectedAt", connection.connectedAtEpochMillis());
        json.writeNumberField("requestTimeEpoch", context.time().toEpochMilli());
        json.writeObjectFieldStart("identity");
        if (connection.userAgent() != null) {
            json.writeStringField("userAgent", connection.userAgent());
        }
        json.writeStringField("sourceIp", connection.sourceIp());
        json.writeEndObject();
        json.writeStringField("requestId", context.requestId());
        json.writeStringField("domainName", connection.domainName());
        json.writeStringField("connectionId", connection.connectionId());
        json.writeStringField("apiId", connection.apiId());
        json.writeEndObject();
    }

    private static void writeHeaders(JsonGenerator json, Map<String, List<String>> headers) throws IOException {
        writeLastValues(json, "headers", headers);
        EventJson.listMap(json, "multiValueHeaders", headers);
    }

    /** The single-value view: the last value of each name, as payload 1.0 events do. */
    private static void writeLastValues(JsonGenerator json, String field, Map<String, List<String>> map)
            throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            List<String> values = entry.getValue();
            json.writeStringField(entry.getKey(), values.isEmpty() ? "" : values.get(values.size() - 1));
        }
        json.writeEndObject();
    }


}
