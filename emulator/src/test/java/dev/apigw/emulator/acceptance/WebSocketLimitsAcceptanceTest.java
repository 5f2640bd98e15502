package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import dev.apigw.emulator.WebSocketLimits;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AWS's WebSocket limits, made small so the test is fast: each closes the connection as AWS does. */
class WebSocketLimitsAcceptanceTest {

    static ApiGatewayExtension chat(WebSocketLimits limits) {
        return ApiGatewayExtension.fromSpec("specs/ws-chat.yaml")
                .withFunction("Connect", new WebSocketHandlers.Connect())
                .withFunction("Disconnect", new WebSocketHandlers.Disconnect())
                .withFunction("Echo", new WebSocketHandlers.Echo())
                .withFunction("Push", new WebSocketHandlers.Push())
                .withWebSocketLimits(limits);
    }

    @Nested
    class Small {
        @RegisterExtension
        ApiGatewayExtension gateway = chat(new WebSocketLimits(64, 256, Duration.ofSeconds(30), Duration.ofMinutes(5)));

        @Test
        void a_message_over_the_message_limit_closes_with_1009() throws Exception {
            try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
                client.send("x".repeat(300));

                assertThat(client.awaitClose()).isEqualTo(1009);
            }
        }

        @Test
        void a_frame_over_the_frame_limit_closes_with_1009_though_the_message_is_within_its_limit() throws Exception {
            try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
                client.send("x".repeat(100));

                assertThat(client.awaitClose()).isEqualTo(1009);
            }
        }

        @Test
        void a_message_over_the_frame_limit_in_frames_within_it_is_served() throws Exception {
            try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
                client.sendFragmented("a".repeat(50), "b".repeat(50), "c".repeat(50));

                assertThat(client.nextFrame()).isEqualTo("echo: " + "a".repeat(50) + "b".repeat(50) + "c".repeat(50));
            }
        }

        @Test
        void messages_within_the_limit_are_served() throws Exception {
            try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
                client.send("small");

                assertThat(client.nextFrame()).isEqualTo("echo: small");
            }
        }
    }

    @Nested
    class Idle {
        @RegisterExtension
        ApiGatewayExtension gateway = chat(new WebSocketLimits(1024, 4096, Duration.ofMillis(300), Duration.ofMinutes(5)));

        @Test
        void an_idle_connection_is_closed() throws Exception {
            try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
                assertThat(client.awaitClose()).isEqualTo(1001);
            }
        }
    }

    @Nested
    class MaxDuration {
        @RegisterExtension
        ApiGatewayExtension gateway = chat(new WebSocketLimits(1024, 4096, Duration.ofMinutes(5), Duration.ofSeconds(2)));

        @Test
        void a_connection_open_longer_than_the_maximum_duration_is_closed() throws Exception {
            try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
                client.send("still here");
                client.nextFrame();

                assertThat(client.awaitClose()).isEqualTo(1001);
            }
        }
    }
}
