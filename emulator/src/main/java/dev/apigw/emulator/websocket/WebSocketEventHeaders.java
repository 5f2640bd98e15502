package dev.apigw.emulator.websocket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers of WebSocket events. {@code $connect} gets the upgrade request's headers without the hop-by-hop ones,
 * plus the {@code X-Forwarded-*} and {@code X-Amzn-Trace-Id} lines API Gateway adds; {@code $disconnect} gets a fixed
 * set of four. Both are sorted by name, ignoring case, as in every real capture
 * [E powertools apiGatewayWebSocketApiConnect.json, apiGatewayAuthorizerWebSocketEvent.json;
 * aws-lambda-go apigw-websocket-request-disconnect.json].
 */
final class WebSocketEventHeaders {
    /**
     * A client cannot open a WebSocket without Connection and Upgrade, yet real {@code $connect} events have neither;
     * the authorizer event of the same handshake does, with a {@code content-length: 0} the proxy event lacks too [E].
     */
    private static final Set<String> DROPPED = Set.of("connection", "upgrade", "content-length", "transfer-encoding");

    private WebSocketEventHeaders() {}

    static Map<String, List<String>> connect(WebSocketEvent.Connection connection, Instant time) {
        return Collections.unmodifiableMap(handshake(connection, time, DROPPED));
    }

    /**
     * The {@code $connect} authorizer event's headers: the proxy event's, plus the Connection and Upgrade lines the
     * client sent and a {@code content-length: 0} API Gateway adds [E powertools apiGatewayAuthorizerWebSocketEvent.json;
     * D apigateway-websocket-api-lambda-auth sample]. Identity sources read these.
     */
    static Map<String, List<String>> authorizer(WebSocketEvent.Connection connection, Instant time) {
        Map<String, List<String>> headers = handshake(connection, time, Set.of("content-length", "transfer-encoding"));
        headers.put("content-length", List.of("0"));
        return Collections.unmodifiableMap(headers);
    }

    private static Map<String, List<String>> handshake(WebSocketEvent.Connection connection, Instant time,
            Set<String> dropped) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> forwardedFor = new ArrayList<>(1);
        connection.connectHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor.addAll(values);
            } else if (!dropped.contains(lower)) {
                headers.computeIfAbsent(name, n -> new ArrayList<>(values.size())).addAll(values);
            }
        });
        // A proxy appends the address it saw to the client's own X-Forwarded-For chain.
        forwardedFor.add(connection.sourceIp());
        headers.put("X-Forwarded-For", List.of(String.join(", ", forwardedFor)));
        headers.putIfAbsent("X-Forwarded-Port", List.of(port(connection.domainName())));
        // The emulator serves plain ws://; AWS says https and 443 because its endpoints are TLS only.
        headers.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        headers.putIfAbsent("X-Amzn-Trace-Id", List.of(traceId(time)));
        return headers;
    }

    /**
     * AWS's {@code $disconnect} event carries these four whatever the client sent, with empty values except Host
     * [E apigw-websocket-request-disconnect.json].
     */
    static Map<String, List<String>> disconnect(WebSocketEvent.Connection connection) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", List.of(connection.domainName()));
        headers.put("x-api-key", List.of(""));
        headers.put("X-Forwarded-For", List.of(""));
        headers.put("x-restapi", List.of(""));
        return Collections.unmodifiableMap(headers);
    }

    /**
     * {@code Root=1-<epoch seconds, 8 hex>-<24 hex>}, as X-Ray defines it
     * (https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sendingdata.html).
     */
    static String traceId(Instant time) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String unique = String.format("%016x%08x", random.nextLong(), random.nextInt());
        return String.format("Root=1-%08x-%s", time.getEpochSecond(), unique);
    }

    private static String port(String domainName) {
        int colon = domainName.lastIndexOf(':');
        if (colon >= 0 && colon > domainName.lastIndexOf(']')) {
            String port = domainName.substring(colon + 1);
            if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                return port;
            }
        }
        return "80";
    }
}
