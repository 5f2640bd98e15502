package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A message no route takes, on an API without $default: AWS answers on the socket and keeps it open. */
class WebSocketNoRouteAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/ws-no-default.yaml")
            .withFunction("Pong", (dev.apigw.lambda.LambdaFunction) (payload, options) ->
                    new dev.apigw.lambda.InvocationResult.Success("{\"statusCode\":200,\"body\":\"pong\"}".getBytes()));

    @Test
    void unrouted_message_gets_the_forbidden_frame_and_the_connection_stays_open() throws Exception {
        try (WebSocketClient client = WebSocketClient.connect(gateway.webSocketUri())) {
            client.send("{\"action\":\"nothing\"}");
            String forbidden = client.nextFrame();
            client.send("{\"action\":\"ping\"}");

            assertThat(forbidden).startsWith("{\"message\": \"Forbidden\", \"connectionId\":");
            assertThat(client.nextFrame()).isEqualTo("pong");
        }
    }
}
