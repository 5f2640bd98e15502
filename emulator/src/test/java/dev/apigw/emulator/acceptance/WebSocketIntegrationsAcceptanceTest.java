package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.emulator.websocket.OpenConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WebSocket routes served by MOCK, Lambda custom (aws) and HTTP_PROXY integrations, over a real socket. */
class WebSocketIntegrationsAcceptanceTest {
    static final TestBackend BACKEND = TestBackend.start();

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/ws-integrations.yaml")
            .withFunction("Shout", new Shout())
            .withStageVariable("backend", BACKEND.url());

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    /** A Lambda custom integration's function: upper-cases {@code text}, fails on {@code fail}. */
    public static class Shout implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object text = event.get("text");
            if ("fail".equals(text)) {
                throw new IllegalStateException("cannot shout that");
            }
            return Map.of("shouted", String.valueOf(text).toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The newest open connection; the gateway registers it just after the handshake, so wait for it. */
    private static String newestConnectionId() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            var newest = gateway.webSocketConnections().stream()
                    .max(Comparator.comparing(OpenConnection::connectedAt)).map(OpenConnection::id);
            if (newest.isPresent()) {
                return newest.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no open connection");
    }

    @Test
    void mock_connect_accepts_the_handshake_with_200() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            assertThat(newestConnectionId()).isNotEmpty();
        }
    }

    @Test
    void mock_connect_refuses_the_handshake_with_the_template_status() {
        URI refused = URI.create(gateway.webSocketUri() + "?reject=yes");

        assertThatThrownBy(() -> WebSocketClient.connect(refused)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void mock_route_with_a_route_response_sends_the_response_template_output() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            String id = newestConnectionId();
            client.send("{\"action\":\"ping\"}");

            assertThatJson(client.nextFrame()).isEqualTo("{\"pong\":\"ping\",\"connectionId\":\"" + id + "\"}");
        }
    }

    @Test
    void lambda_custom_route_renders_the_payload_and_maps_the_result() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            String id = newestConnectionId();
            client.send("{\"action\":\"shout\",\"text\":\"hello\"}");

            assertThatJson(client.nextFrame()).isEqualTo("{\"shouted\":\"HELLO\"}");
            String payload = gateway.invocations("Shout").get(gateway.invocations("Shout").size() - 1).event();
            assertThatJson(payload).isEqualTo("{\"text\":\"hello\",\"connectionId\":\"" + id + "\","
                    + "\"routeKey\":\"shout\",\"eventType\":\"MESSAGE\",\"messageId\":\"${json-unit.any-string}\","
                    + "\"stage\":\"" + "${json-unit.any-string}" + "\"}");
            assertThatJson(payload).node("messageId").isString().hasSize(16);
        }
    }

    @Test
    void lambda_custom_route_without_templates_passes_the_message_and_returns_the_raw_result() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("{\"text\":\"raw\"}");

            assertThatJson(client.nextFrame()).isEqualTo("{\"shouted\":\"RAW\"}");
        }
    }

    @Test
    void lambda_custom_function_error_answers_internal_server_error() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            String id = newestConnectionId();
            client.send("{\"action\":\"shout\",\"text\":\"fail\"}");

            String frame = client.nextFrame();
            assertThatJson(frame).isEqualTo("{\"message\":\"Internal server error\",\"connectionId\":\"" + id
                    + "\",\"requestId\":\"${json-unit.any-string}\"}");
        }
    }

    @Test
    void http_proxy_route_posts_the_message_and_sends_back_the_backend_body() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            String message = "{\"action\":\"forward\",\"n\":1}";
            client.send(message);

            assertThat(client.nextFrame()).isEqualTo("backend saw /ws/messages");
            assertThat(BACKEND.received).anySatisfy(received -> {
                assertThat(received.method()).isEqualTo("POST");
                assertThat(received.uri()).isEqualTo("/ws/messages");
                assertThat(received.body()).isEqualTo(message);
            });
        }
    }
}
