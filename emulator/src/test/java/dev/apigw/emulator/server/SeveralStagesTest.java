package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.StageOptions;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.Test;

/** Several stages served by one process, each under its own path segment with its own stage variables. */
class SeveralStagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void each_rest_stage_has_its_own_variables_and_context_stage() throws Exception {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("stages.yaml")).port(0)
                .stageVariable("table", "shared").stageVariable("helloFunction", "HelloDev")
                .addStage("dev").addStage("prod", new StageOptions(java.util.Map.of("table", "pets")))
                .stageVariable("prod", "helloFunction", "HelloProd")
                .function("HelloDev", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("HelloProd", new FunctionDefinition.Instance(new EchoHandler(), null)).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            assertThat(server.stages()).containsExactly("dev", "prod");
            assertThat(server.uri("prod", "/where").toString()).endsWith("/prod/where");

            JsonNode dev = JSON.readTree(get(server.uri("dev", "/where")).body());
            JsonNode prod = JSON.readTree(get(server.uri("prod", "/where")).body());
            assertThat(dev.path("stage").asText()).isEqualTo("dev");
            assertThat(dev.path("table").asText()).isEqualTo("shared");
            assertThat(prod.path("stage").asText()).isEqualTo("prod");
            assertThat(prod.path("table").asText()).isEqualTo("pets");

            // The Lambda ARN's ${stageVariables.helloFunction} resolves per stage.
            JsonNode prodEvent = JSON.readTree(get(server.uri("prod", "/hello")).body());
            assertThat(prodEvent.path("requestContext").path("stage").asText()).isEqualTo("prod");
            assertThat(prodEvent.path("stageVariables").path("helloFunction").asText()).isEqualTo("HelloProd");
            assertThat(get(server.uri("dev", "/hello")).statusCode()).isEqualTo(200);
            assertThat(server.gateway("prod").invocations("HelloProd")).hasSize(1);
            assertThat(server.gateway("dev").invocations("HelloDev")).hasSize(1);
            assertThat(server.gateway("dev").invocations("HelloProd")).isEmpty();

            // A stage that is not served is refused as on AWS, and the server goes on serving.
            assertThat(get(server.rootUri().resolve("/beta/where")).statusCode()).isEqualTo(403);
            assertThat(get(server.uri("dev", "/where")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_http_api_serves_default_at_the_root_and_named_stages_under_their_segment() throws Exception {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("stages-http.yaml")).apiType(ApiType.HTTP)
                .port(0).addStage("$default").addStage("beta")
                .stageVariable("beta", "mode", "beta")
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null)).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            assertThat(server.baseUri("$default")).isEqualTo(server.rootUri());

            JsonNode root = JSON.readTree(get(server.rootUri().resolve("/echo")).body());
            JsonNode beta = JSON.readTree(get(server.uri("beta", "/echo")).body());
            assertThat(root.path("requestContext").path("stage").asText()).isEqualTo("$default");
            assertThat(root.path("stageVariables").isMissingNode() || root.path("stageVariables").isNull()).isTrue();
            assertThat(beta.path("requestContext").path("stage").asText()).isEqualTo("beta");
            assertThat(beta.path("rawPath").asText()).isEqualTo("/beta/echo");
            assertThat(beta.path("stageVariables").path("mode").asText()).isEqualTo("beta");
        }
    }

    @Test
    void asking_for_a_stage_not_served_names_the_ones_that_are() {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("stages.yaml")).port(0)
                .stageVariable("helloFunction", "Hello").addStage("dev").addStage("prod")
                .function("Hello", new FunctionDefinition.Instance(new EchoHandler(), null)).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            assertThatThrownBy(() -> server.uri("beta", "/where")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("it serves dev, prod");
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
