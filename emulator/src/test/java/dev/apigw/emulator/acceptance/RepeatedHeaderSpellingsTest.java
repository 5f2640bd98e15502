package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.Test;

/**
 * A header sent several times under different spellings ({@code x-a}, {@code X-A}) reaches the proxy event with each
 * value once, in the order sent: the servlet API lists the name once per spelling.
 */
class RepeatedHeaderSpellingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADERS = "x-a: 1\r\nX-A: 2\r\nx-a: 3\r\n";

    @Test
    void a_rest_event_has_each_value_once() throws Exception {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.builder().spec(TestSpecs.spec("stages.yaml"))
                .port(0).stageVariable("helloFunction", "Hello")
                .function("Hello", new FunctionDefinition.Instance(new EchoHandler(), null)).build())) {
            JsonNode event = send(server, "/dev/hello");

            assertThat(event.path("multiValueHeaders").path("x-a").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
            assertThat(event.path("headers").path("x-a").asText()).isEqualTo("3");
        }
    }

    @Test
    void an_http_api_event_joins_each_value_once() throws Exception {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.builder().spec(TestSpecs.spec("stages-http.yaml"))
                .apiType(ApiType.HTTP).port(0)
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null)).build())) {
            JsonNode event = send(server, "/echo");

            assertThat(event.path("headers").path("x-a").asText()).isEqualTo("1,2,3");
        }
    }

    private static JsonNode send(GatewayServer server, String path) throws Exception {
        try (RawHttp client = RawHttp.connect(server.port())) {
            RawHttp.Response response = client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + HEADERS + "\r\n")
                    .response();
            assertThat(response.status()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
