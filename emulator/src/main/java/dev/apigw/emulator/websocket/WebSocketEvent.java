package dev.apigw.emulator.websocket;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.emulator.events.EventJson;
import dev.apigw.emulator.events.RequestContextV1;
import dev.apigw.emulator.exchange.Principal;
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
     * @param principal who the {@code $connect} authorizer let in; AWS keeps it for the connection's life and shows it
     *     in every event of the connection [K aws-lambda-typing#65 MESSAGE capture]
     */
    public record Connection(String connectionId, long connectedAtEpochMillis, String domainName, String stage,
            String apiId, String sourceIp, @Nullable String userAgent, Map<String, List<String>> connectHeaders,
            Map<String, List<String>> connectQuery, Principal principal) {
        public Connection {
            connectHeaders = copy(connectHeaders);
            connectQuery = copy(connectQuery);
            requireNonNull(principal, "principal");
        }

        /** A connection no authorizer has looked at yet. */
        public Connection(String connectionId, long connectedAtEpochMillis, String domainName, String stage,
                String apiId, String sourceIp, @Nullable String userAgent, Map<String, List<String>> connectHeaders,
                Map<String, List<String>> connectQuery) {
            this(connectionId, connectedAtEpochMillis, domainName, stage, apiId, sourceIp, userAgent, connectHeaders,
                    connectQuery, Principal.ANONYMOUS);
        }

        /** The same connection, let in by an authorizer as {@code principal}. */
        public Connection withPrincipal(Principal principal) {
            return new Connection(connectionId, connectedAtEpochMillis, domainName, stage, apiId, sourceIp, userAgent,
                    connectHeaders, connectQuery, principal);
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

    /**
     * The {@code $connect} Lambda authorizer's REQUEST event, in the order of a real capture
     * [E powertools apiGatewayAuthorizerWebSocketEvent.json; D apigateway-websocket-api-lambda-auth]: type, methodArn,
     * the handshake's headers ({@code authorizerHeaders}: with Connection, Upgrade and content-length), the query and
     * stage variables ({@code {}} when there are none) and the CONNECT requestContext of the same request.
     */
    public static byte[] authorizerRequest(Connection connection, Map<String, List<String>> authorizerHeaders,
            String methodArn, Map<String, String> stageVariables, String requestId, Instant time) {
        return EventJson.object(json -> {
            json.writeStringField("type", "REQUEST");
            json.writeStringField("methodArn", methodArn);
            writeHeaders(json, authorizerHeaders);
            writeLastValues(json, "queryStringParameters", connection.connectQuery());
            EventJson.listMap(json, "multiValueQueryStringParameters", connection.connectQuery());
            json.writeObjectFieldStart("stageVariables");
            for (Map.Entry<String, String> variable : stageVariables.entrySet()) {
                json.writeStringField(variable.getKey(), variable.getValue());
            }
            json.writeEndObject();
            writeContext(json, new Context(connection, "$connect", "CONNECT", requestId, time), ctx -> {}, ctx -> {});
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
        writeAuthorizer(json, connection.principal(), context.eventType().equals("CONNECT"));
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

    /**
     * {@code authorizer} right after routeKey, in every event of an authorized connection: the REST block (context
     * values, principalId, integrationLatency) on CONNECT; later events repeat the values without integrationLatency,
     * as no authorizer ran for them [K aws-lambda-typing#65 CONNECT and MESSAGE captures; DISCONNECT unconfirmed].
     * Absent when the connection was not authorized by a Lambda authorizer.
     */
    private static void writeAuthorizer(JsonGenerator json, Principal principal, boolean connect) throws IOException {
        Map<String, Object> block = authorizer(principal, connect);
        if (!block.isEmpty()) {
            json.writeObjectField("authorizer", block);
        }
    }

    /** The connection's {@code requestContext.authorizer} (and {@code $context.authorizer}); empty when none ran. */
    static Map<String, Object> authorizer(Principal principal, boolean connect) {
        if (!(principal instanceof Principal.Lambda)) {
            return Map.of();
        }
        Map<String, Object> block = new LinkedHashMap<>(principal.restAuthorizer());
        if (!connect) {
            block.remove("integrationLatency");
        }
        return block;
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
