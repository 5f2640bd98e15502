package dev.apigw.emulator.websocket;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebSocketEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64)";
    private static final Instant CONNECTED = Instant.ofEpochMilli(1705751697419L);

    static WebSocketEvent.Connection connection(@Nullable String userAgent, Map<String, List<String>> query) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("localhost:3001"));
        headers.put("Upgrade", List.of("websocket"));
        headers.put("Connection", List.of("Upgrade"));
        headers.put("Sec-WebSocket-Key", List.of("+W5xw47OHh3OTFsWKjGu9Q=="));
        headers.put("Sec-WebSocket-Version", List.of("13"));
        headers.put("Sec-WebSocket-Extensions", List.of("permessage-deflate; client_max_window_bits"));
        if (userAgent != null) {
            headers.put("User-Agent", List.of(userAgent));
        }
        return new WebSocketEvent.Connection("R1kmxc2VNjMCFIA=", CONNECTED.toEpochMilli(), "localhost:3001", "prod",
                "gy415nuibc", "127.0.0.1", userAgent, headers, query);
    }

    static WebSocketEvent.Connection connection() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("token", List.of("abc"));
        query.put("tag", List.of("a", "b"));
        return connection(USER_AGENT, query);
    }

    static String connect(WebSocketEvent.Connection connection) {
        return text(WebSocketEvent.connect(connection, ConnectionIds.requestId(), CONNECTED.plusMillis(8)));
    }

    static String message() {
        return text(WebSocketEvent.message(connection(), "sendmessage", ConnectionIds.messageId(),
                ConnectionIds.requestId(), Instant.ofEpochMilli(1705751700453L),
                "{\r\n\t\"action\": \"sendmessage\"\r\n}", false));
    }

    static String disconnect() {
        return text(WebSocketEvent.disconnect(connection(), ConnectionIds.requestId(),
                Instant.ofEpochMilli(1705751708326L), 1001, ""));
    }

    static String text(byte[] event) {
        return new String(event, StandardCharsets.UTF_8);
    }

    static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static String golden(String name) {
        try (InputStream in = WebSocketEventTest.class.getResourceAsStream("/events/websocket/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file events/websocket/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Golden {
        @Test
        void connect_event_has_the_handshake_headers_and_query_and_no_body() {
            assertThatJson(connect(connection())).isEqualTo(golden("connect.json"));
        }

        @Test
        void message_event_has_the_body_and_no_headers() {
            assertThatJson(message()).isEqualTo(golden("message.json"));
        }

        @Test
        void disconnect_event_has_the_close_status_and_aws_fixed_headers() {
            assertThatJson(disconnect()).isEqualTo(golden("disconnect.json"));
        }
    }

    @Nested
    class KeyOrder {
        private static final List<String> CONTEXT_TAIL = List.of("stage", "connectedAt", "requestTimeEpoch",
                "identity", "requestId", "domainName", "connectionId", "apiId");

        static List<String> context(String... head) {
            List<String> keys = new ArrayList<>(List.of(head));
            keys.addAll(CONTEXT_TAIL);
            return keys;
        }

        @Test
        void connect_keys_are_in_aws_order() throws IOException {
            JsonNode event = tree(connect(connection()));

            assertThat(keys(event)).containsExactly("headers", "multiValueHeaders", "queryStringParameters",
                    "multiValueQueryStringParameters", "requestContext", "isBase64Encoded");
            assertThat(keys(event.get("requestContext"))).containsExactlyElementsOf(context("routeKey", "eventType",
                    "extendedRequestId", "requestTime", "messageDirection"));
        }

        @Test
        void message_keys_are_in_aws_order() throws IOException {
            JsonNode event = tree(message());

            assertThat(keys(event)).containsExactly("requestContext", "body", "isBase64Encoded");
            assertThat(keys(event.get("requestContext"))).containsExactlyElementsOf(context("routeKey", "messageId",
                    "eventType", "extendedRequestId", "requestTime", "messageDirection"));
            assertThat(keys(event.at("/requestContext/identity"))).containsExactly("userAgent", "sourceIp");
        }

        @Test
        void disconnect_keys_are_in_aws_order() throws IOException {
            JsonNode event = tree(disconnect());

            assertThat(keys(event)).containsExactly("headers", "multiValueHeaders", "requestContext",
                    "isBase64Encoded");
            assertThat(keys(event.get("requestContext"))).containsExactlyElementsOf(context("routeKey",
                    "disconnectStatusCode", "eventType", "extendedRequestId", "requestTime", "messageDirection",
                    "disconnectReason"));
            assertThat(keys(event.get("headers"))).containsExactly("Host", "x-api-key", "X-Forwarded-For",
                    "x-restapi");
        }

        @Test
        void connect_headers_are_sorted_ignoring_case() throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("zeta", List.of("1"));
            headers.put("Host", List.of("localhost:3001"));
            headers.put("authorization", List.of("token"));
            headers.put("Content-Type", List.of("text/plain"));
            WebSocketEvent.Connection connection = new WebSocketEvent.Connection("id", 1L, "localhost:3001", "prod",
                    "api", "127.0.0.1", null, headers, Map.of());

            assertThat(keys(tree(connect(connection)).get("multiValueHeaders"))).containsExactly("authorization",
                    "Content-Type", "Host", "X-Amzn-Trace-Id", "X-Forwarded-For", "X-Forwarded-Port",
                    "X-Forwarded-Proto", "zeta");
        }
    }

    @Nested
    class Connect {
        @Test
        void without_a_query_there_are_no_query_fields() throws IOException {
            JsonNode event = tree(connect(connection(USER_AGENT, Map.of())));

            assertThat(event.has("queryStringParameters")).isFalse();
            assertThat(event.has("multiValueQueryStringParameters")).isFalse();
        }

        @Test
        void identity_has_only_the_source_ip_when_the_client_sent_no_user_agent() throws IOException {
            JsonNode event = tree(connect(connection(null, Map.of())));

            assertThat(keys(event.at("/requestContext/identity"))).containsExactly("sourceIp");
        }

        @Test
        void request_id_and_extended_request_id_are_the_same() throws IOException {
            JsonNode context = tree(connect(connection())).get("requestContext");

            assertThat(context.get("requestId")).isEqualTo(context.get("extendedRequestId"));
        }

        @Test
        void the_gateway_appends_the_client_address_to_x_forwarded_for() throws IOException {
            Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("203.0.113.9"));
            WebSocketEvent.Connection connection = new WebSocketEvent.Connection("id", 1L, "localhost:3001", "prod",
                    "api", "127.0.0.1", null, headers, Map.of());

            assertThat(tree(connect(connection)).at("/headers/X-Forwarded-For").asText())
                    .isEqualTo("203.0.113.9, 127.0.0.1");
        }

        @Test
        void repeated_headers_keep_all_values_and_the_single_value_view_keeps_the_last() throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("X-Tag", List.of("a", "b"));
            headers.put("x-tag", List.of("c"));
            WebSocketEvent.Connection connection = new WebSocketEvent.Connection("id", 1L, "localhost:3001", "prod",
                    "api", "127.0.0.1", null, headers, Map.of());
            JsonNode event = tree(connect(connection));

            assertThat(event.at("/headers/X-Tag").asText()).isEqualTo("c");
            assertThatJson(event.at("/multiValueHeaders/X-Tag").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        }
    }

    @Test
    void message_event_ids_are_written_as_given() throws IOException {
        JsonNode context = tree(text(WebSocketEvent.message(connection(), "$default", "R1knPc2ntjMCFIA=",
                "R1knPH17NjMFftw=", Instant.ofEpochMilli(1705751700453L), "aGk=", true))).get("requestContext");

        assertThat(context.get("messageId").asText()).isEqualTo("R1knPc2ntjMCFIA=");
        assertThat(context.get("requestId").asText()).isEqualTo("R1knPH17NjMFftw=");
        assertThat(context.get("extendedRequestId").asText()).isEqualTo("R1knPH17NjMFftw=");
    }
}
