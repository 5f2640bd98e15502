package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.emulator.websocket.OpenConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** WebSocket APIs over a real socket, with the real AWS SDK management client for @connections. */
class WebSocketAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/ws-chat.yaml")
            .withFunction("Connect", new WebSocketHandlers.Connect())
            .withFunction("Disconnect", new WebSocketHandlers.Disconnect())
            .withFunction("Echo", new WebSocketHandlers.Echo())
            .withFunction("Push", new WebSocketHandlers.Push());

    private static ApiGatewayManagementApiClient management() {
        return WebSocketHandlers.managementClient(gateway.baseUri());
    }

    /**
     * The newest open connection: the one the test just made. It is registered right after the handshake, so wait for
     * it; earlier tests' sockets may still be closing.
     */
    private static String onlyConnectionId() throws InterruptedException {
        long newerThan = System.currentTimeMillis() - 5_000;
        for (int i = 0; i < 100; i++) {
            var newest = gateway.webSocketConnections().stream()
                    .filter(c -> c.connectedAt().toEpochMilli() >= newerThan)
                    .max(Comparator.comparing(OpenConnection::connectedAt));
            if (newest.isPresent()) {
                return newest.get().id();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no open connection");
    }

    @Test
    void default_route_with_a_route_response_answers_with_the_result_body() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("not json at all");

            assertThat(client.nextFrame()).isEqualTo("echo: not json at all");
            assertThat(gateway.invocations("Connect")).singleElement()
                    .satisfies(call -> assertThat(call.event()).contains("\"eventType\":\"CONNECT\""));
        }
    }

    @Test
    void connect_integration_refusing_the_client_refuses_the_handshake() {
        URI refused = URI.create(gateway.webSocketUri() + "?reject=yes");

        assertThatThrownBy(() -> WebSocketClient.connect(refused)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void route_selected_by_the_body_can_post_back_through_connections() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("{\"action\":\"push\",\"text\":\"hi\"}");

            assertThat(client.nextFrame()).isEqualTo("pushed: {\"action\":\"push\",\"text\":\"hi\"}");
        }
    }

    @Test
    void management_api_gets_posts_to_and_deletes_a_connection_then_reports_it_gone() throws Exception {
        String id;
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri());
                ApiGatewayManagementApiClient management = management()) {
            id = onlyConnectionId();

            GetConnectionResponse info = management.getConnection(b -> b.connectionId(id));
            management.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("from the server")));
            String frame = client.nextFrame();
            management.deleteConnection(b -> b.connectionId(id));

            assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
            assertThat(info.connectedAt()).isNotNull();
            assertThat(frame).isEqualTo("from the server");
            assertThat(client.awaitClose()).isEqualTo(1000);
            assertThatThrownBy(() -> management.postToConnection(b -> b.connectionId(id)
                    .data(SdkBytes.fromUtf8String("late")))).isInstanceOf(GoneException.class);
        }
        assertThat(disconnectOf(id).get("eventType")).isEqualTo("DISCONNECT");
    }

    @Test
    void client_close_runs_disconnect_with_the_close_code() throws Exception {
        WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri());
        String id = onlyConnectionId();
        client.close();

        assertThat(disconnectOf(id).get("disconnectStatusCode")).isEqualTo(1000);
    }

    @Test
    void frames_sent_to_a_connection_are_visible_to_the_test() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("hello");
            client.nextFrame();

            assertThat(gateway.webSocketConnections()).anySatisfy(c -> assertThat(c.sentFrames())
                    .containsExactly("echo: hello"));
        }
    }

    @Test
    void a_handler_that_throws_gets_the_internal_error_frame_and_the_connection_stays_open() throws Exception {
        gateway.stubFunction("Echo", (payload, options) -> {
            throw new IllegalStateException("stub broke");
        });
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("first");
            String error = client.nextFrame();
            client.send("{\"action\":\"push\"}");

            assertThat(error).startsWith("{\"message\": \"Internal server error\", \"connectionId\":");
            assertThat(client.nextFrame()).startsWith("pushed: ");
        }
    }

    @Test
    void a_deleted_connection_is_gone_at_once() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri());
                ApiGatewayManagementApiClient management = management()) {
            String id = onlyConnectionId();
            management.deleteConnection(b -> b.connectionId(id));

            assertThatThrownBy(() -> management.getConnection(b -> b.connectionId(id)))
                    .isInstanceOf(GoneException.class);
            assertThat(gateway.webSocketConnections()).noneMatch(c -> c.id().equals(id));
        }
    }

    @Test
    void a_message_over_128_kb_closes_the_connection_with_1009() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("x".repeat(128 * 1024 + 1));

            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void a_binary_frame_closes_the_connection_with_1003() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.sendBinary(new byte[] {1, 2, 3});

            assertThat(client.awaitClose()).isEqualTo(1003);
        }
    }

    /** The requestContext of the one $disconnect event of a connection (it runs after the close, so wait). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> disconnectOf(String connectionId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> contexts = WebSocketHandlers.Disconnect.EVENTS.stream()
                    .map(event -> (Map<String, Object>) event.get("requestContext"))
                    .filter(context -> connectionId.equals(context.get("connectionId"))).toList();
            if (!contexts.isEmpty()) {
                assertThat(contexts).hasSize(1);
                return contexts.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no $disconnect event for " + connectionId);
    }
}
