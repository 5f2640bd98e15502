package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.StageOptions;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import dev.apigw.emulator.websocket.OpenConnection;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * A WebSocket API served under two stages by one server: each stage at its own {@code ws://host:port/{stage}} with
 * its own stage variables, its own {@code @connections} and connections, and all of them closed on shutdown.
 */
class SeveralStagesWebSocketAcceptanceTest {

    private static GatewayConfig config(ShutdownAcceptanceTest.RecordingDisconnect disconnect) {
        return GatewayConfig.builder().spec(TestSpecs.spec("ws-stages.yaml")).port(0)
                .stageVariable("echoFunction", "EchoDev").stageVariable("table", "dev-table")
                .addStage("dev").addStage("prod", new StageOptions(Map.of("table", "prod-table")))
                .stageVariable("prod", "echoFunction", "EchoProd")
                .function("EchoDev", new FunctionDefinition.Instance(new WebSocketHandlers.StageEcho(), null))
                .function("EchoProd", new FunctionDefinition.Instance(new WebSocketHandlers.StageEcho(), null))
                .function("Disconnect", new FunctionDefinition.Instance(disconnect, null)).build();
    }

    @Test
    void each_stage_has_its_own_endpoint_variables_and_connections_and_all_close_on_shutdown() throws Exception {
        ShutdownAcceptanceTest.RecordingDisconnect disconnect = new ShutdownAcceptanceTest.RecordingDisconnect();
        GatewayServer server = GatewayServer.start(config(disconnect));
        try (WebSocketClient dev = WebSocketClient.connect(GatewayServer.webSocketUri(server.baseUri("dev")));
                WebSocketClient prod = WebSocketClient.connect(GatewayServer.webSocketUri(server.baseUri("prod")));
                ApiGatewayManagementApiClient devManagement = WebSocketHandlers.managementClient(server.baseUri("dev"));
                ApiGatewayManagementApiClient prodManagement =
                        WebSocketHandlers.managementClient(server.baseUri("prod"))) {
            // The Lambda ARN's ${stageVariables.echoFunction} resolves per stage, and the event names its stage.
            dev.send("hi");
            prod.send("hi");
            assertThat(dev.nextFrame()).isEqualTo("dev EchoDev: hi");
            assertThat(prod.nextFrame()).isEqualTo("prod EchoProd: hi");
            dev.send("{\"action\":\"vars\"}");
            prod.send("{\"action\":\"vars\"}");
            assertThat(dev.nextFrame()).isEqualTo("{\"stage\": \"dev\", \"table\": \"dev-table\"}");
            assertThat(prod.nextFrame()).isEqualTo("{\"stage\": \"prod\", \"table\": \"prod-table\"}");

            String devId = onlyConnection(server, "dev");
            String prodId = onlyConnection(server, "prod");
            devManagement.postToConnection(b -> b.connectionId(devId).data(SdkBytes.fromUtf8String("to dev")));
            prodManagement.postToConnection(b -> b.connectionId(prodId).data(SdkBytes.fromUtf8String("to prod")));
            assertThat(dev.nextFrame()).isEqualTo("to dev");
            assertThat(prod.nextFrame()).isEqualTo("to prod");
            // A connection belongs to its stage: another stage's @connections does not know it.
            assertThatThrownBy(() -> prodManagement.postToConnection(b -> b.connectionId(devId)
                    .data(SdkBytes.fromUtf8String("wrong stage")))).isInstanceOf(GoneException.class);
            assertThatThrownBy(() -> devManagement.getConnection(b -> b.connectionId(prodId)))
                    .isInstanceOf(GoneException.class);

            server.close();

            assertThat(dev.awaitClose()).isEqualTo(1001);
            assertThat(prod.awaitClose()).isEqualTo(1001);
            assertThat(disconnect.events).hasSize(2).allSatisfy(event -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
                assertThat(context).containsEntry("eventType", "DISCONNECT")
                        .containsEntry("disconnectStatusCode", 1001);
            }).extracting(event -> ((Map<?, ?>) event.get("requestContext")).get("stage") + " "
                    + ((Map<?, ?>) event.get("requestContext")).get("connectionId"))
                    .containsExactlyInAnyOrder("dev " + devId, "prod " + prodId);
        } finally {
            server.close();
        }
    }

    /** The stage's one open connection; it is registered right after the handshake, so wait for it (5 s at most). */
    private static String onlyConnection(GatewayServer server, String stage) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<OpenConnection> open = server.gateway(stage).webSocket().orElseThrow().connections().all();
            if (open.size() == 1) {
                return open.get(0).id();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("stage " + stage + " has not exactly one open connection");
    }
}
