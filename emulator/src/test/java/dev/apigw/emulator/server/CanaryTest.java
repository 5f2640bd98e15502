package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.CountingHandler;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.model.ApiType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A REST stage's canary: its share of requests, its stage variables, $context.isCanaryRequest, the forcing header. */
class CanaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private static GatewayConfig.Builder stagesSpec() {
        return GatewayConfig.builder().spec(TestSpecs.spec("stages.yaml")).port(0)
                .stageVariable("table", "pets").stageVariable("helloFunction", "Hello")
                .function("Hello", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("HelloCanary", new FunctionDefinition.Instance(new EchoHandler(), null));
    }

    @Test
    void a_seeded_canary_takes_its_share_of_requests_and_marks_them() throws Exception {
        Canary canary = Canary.of(10.0).withOverride("table", "pets-canary").withSeed(42L);
        try (GatewayServer server = GatewayServer.start(stagesSpec().canary(canary).build())) {
            int canaryRequests = 0;
            for (int i = 0; i < 2000; i++) {
                JsonNode body = JSON.readTree(get(server, "/where", null).body());
                boolean isCanary = body.path("canary").asBoolean();
                // The canary's stage variables come with its requests, and only with them.
                assertThat(body.path("table").asText()).isEqualTo(isCanary ? "pets-canary" : "pets");
                canaryRequests += isCanary ? 1 : 0;
            }
            // 10% of 2,000 is 200; the binomial standard deviation is about 13.
            assertThat(canaryRequests).isBetween(150, 250);
        }
    }

    @Test
    void a_seeded_split_is_the_same_on_every_run_and_after_a_reset() throws Exception {
        Canary canary = Canary.of(30.0).withSeed(7L);
        List<Boolean> first;
        try (GatewayServer server = GatewayServer.start(stagesSpec().canary(canary).build())) {
            first = split(server, 40);
            server.reset();
            assertThat(split(server, 40)).isEqualTo(first);
        }
        try (GatewayServer again = GatewayServer.start(stagesSpec().canary(canary).build())) {
            assertThat(split(again, 40)).isEqualTo(first);
        }
        assertThat(first).contains(true, false);
    }

    /** Which of {@code count} requests sent one after another the canary served. */
    private List<Boolean> split(GatewayServer server, int count) throws Exception {
        List<Boolean> canary = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            canary.add(JSON.readTree(get(server, "/where", null).body()).path("canary").asBoolean());
        }
        return canary;
    }

    @Test
    void the_apigw_canary_header_forces_either_variant() throws Exception {
        try (GatewayServer server = GatewayServer.start(stagesSpec().canary(Canary.of(50.0)
                .withOverride("helloFunction", "HelloCanary")).build())) {
            for (int i = 0; i < 20; i++) {
                assertThat(JSON.readTree(get(server, "/where", "true").body()).path("canary").asBoolean()).isTrue();
                assertThat(JSON.readTree(get(server, "/where", "false").body()).path("canary").asBoolean()).isFalse();
            }
            // The canary's override of the variable in the Lambda ARN calls the canary's function.
            JsonNode event = JSON.readTree(get(server, "/hello", "true").body());
            assertThat(event.path("stageVariables").path("helloFunction").asText()).isEqualTo("HelloCanary");
            JsonNode stageEvent = JSON.readTree(get(server, "/hello", "false").body());
            assertThat(server.gateway().invocations("Hello")).hasSize(1);
            // The canary serves another deployment than the stage's, as on AWS.
            assertThat(event.path("requestContext").path("deploymentId").asText())
                    .isNotEmpty().isNotEqualTo(stageEvent.path("requestContext").path("deploymentId").asText());
            assertThat(stageEvent.path("requestContext").path("stage").asText()).isEqualTo("dev");
            assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("dev");
        }
    }

    @Test
    void zero_percent_sends_nothing_to_the_canary_and_a_hundred_everything() throws Exception {
        try (GatewayServer none = GatewayServer.start(stagesSpec().canary(Canary.of(0.0)).build());
                GatewayServer all = GatewayServer.start(stagesSpec().canary(Canary.of(100.0)).build())) {
            for (int i = 0; i < 50; i++) {
                assertThat(JSON.readTree(get(none, "/where", null).body()).path("canary").asBoolean()).isFalse();
                assertThat(JSON.readTree(get(all, "/where", null).body()).path("canary").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void a_canary_off_the_stage_cache_always_calls_its_function_and_one_on_it_shares_the_cache() throws Exception {
        GatewayConfig.Builder cached = stagesSpec().stageVariable("helloFunction", "Counter")
                .function("Counter", new FunctionDefinition.Instance(new CountingHandler(), null))
                .stageCache(cache -> cache.withTtl(300));
        try (GatewayServer server = GatewayServer.start(cached.canary(Canary.of(50.0)).build())) {
            assertThat(get(server, "/hello", "false").body()).isEqualTo("call 1");
            assertThat(get(server, "/hello", "false").body()).isEqualTo("call 1");
            // AWS's default: canary requests do not use the stage cache.
            assertThat(get(server, "/hello", "true").body()).isEqualTo("call 2");
            assertThat(get(server, "/hello", "true").body()).isEqualTo("call 3");
        }
        GatewayConfig.Builder shared = stagesSpec().stageVariable("helloFunction", "Counter")
                .function("Counter", new FunctionDefinition.Instance(new CountingHandler(), null))
                .stageCache(cache -> cache.withTtl(300));
        try (GatewayServer server = GatewayServer.start(
                shared.canary(Canary.of(50.0).withStageCache(true)).build())) {
            assertThat(get(server, "/hello", "false").body()).isEqualTo("call 1");
            assertThat(get(server, "/hello", "true").body()).isEqualTo("call 1");
        }
    }

    @Test
    void each_of_several_stages_has_its_own_canary() throws Exception {
        GatewayConfig config = stagesSpec().addStage("dev")
                .canary("prod", Canary.of(100.0).withOverride("table", "prod-canary")).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            JsonNode dev = JSON.readTree(client.send(HttpRequest.newBuilder(server.uri("dev", "/where")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode prod = JSON.readTree(client.send(HttpRequest.newBuilder(server.uri("prod", "/where")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(dev.path("canary").asBoolean()).isFalse();
            assertThat(prod.path("canary").asBoolean()).isTrue();
            assertThat(prod.path("table").asText()).isEqualTo("prod-canary");
        }
    }

    @Test
    void the_access_log_shows_which_requests_the_canary_served(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        try (GatewayServer server = GatewayServer.start(stagesSpec().canary(Canary.of(50.0))
                .accessLog("$context.isCanaryRequest $context.stage $context.requestId", log).build())) {
            get(server, "/where", "true");
            get(server, "/where", "false");
        }
        // The stage and its canary variant append to the same file, a whole line at a time.
        assertThat(Files.readAllLines(log)).hasSize(2)
                .satisfiesExactly(line -> assertThat(line).startsWith("true dev "),
                        line -> assertThat(line).startsWith("false dev "));
    }

    @Test
    void an_http_api_stage_with_a_canary_does_not_start() {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("stages-http.yaml")).apiType(ApiType.HTTP)
                .port(0).function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .canary(Canary.of(10.0)).build();
        assertThatThrownBy(() -> GatewayServer.start(config)).isInstanceOf(GatewayStartupException.class)
                .hasMessageContaining("only REST API stages have canaries");
    }

    private HttpResponse<String> get(GatewayServer server, String path, @Nullable String forceCanary)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (forceCanary != null) {
            request.header("X-Apigw-Canary", forceCanary);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
