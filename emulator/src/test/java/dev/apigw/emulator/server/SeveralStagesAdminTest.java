package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.AdminEndpoints;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.CountingHandler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * apigw's own endpoints of a server with several stages cover all of them: one journal naming each entry's stage,
 * one metrics scrape with every stage's series, and a cache flush of every stage or of one.
 */
class SeveralStagesAdminTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    /** dev and prod, prod with a canary that shares its stage cache; /hello counts its calls, cached 300 s. */
    private static GatewayConfig.Builder devAndProd() {
        return GatewayConfig.builder().spec(TestSpecs.spec("stages.yaml")).port(0)
                .stageVariable("table", "pets").stageVariable("helloFunction", "Counter")
                .function("Counter", new FunctionDefinition.Instance(new CountingHandler(), null))
                .stageCache(cache -> cache.withTtl(300))
                .addStage("dev").addStage("prod").stageVariable("prod", "table", "prod-pets")
                .canary("prod", Canary.of(50.0).withOverride("table", "canary-pets").withStageCache(true));
    }

    @Test
    void the_journal_holds_every_stages_requests_canary_included_each_with_its_stage() throws Exception {
        try (GatewayServer server = GatewayServer.start(devAndProd().build())) {
            String devId = requestId(get(server.uri("dev", "/where"), null));
            String prodId = requestId(get(server.uri("prod", "/where"), "false"));
            String canaryId = requestId(get(server.uri("prod", "/where"), "true"));

            HttpResponse<String> journal = get(admin(server, "/journal"), null);
            assertThat(journal.statusCode()).isEqualTo(200);
            List<String> shown = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(journal.body())) {
                shown.add(entry.path("requestId").asText() + " " + entry.path("stage").asText() + " "
                        + entry.path("canaryRequest").asBoolean() + " " + entry.path("request").path("rawPath").asText());
            }
            // Newest first.
            assertThat(shown).containsExactly(canaryId + " prod true /prod/where", prodId + " prod false /prod/where",
                    devId + " dev false /dev/where");
            // The dashboard's entry view finds a request of any stage, and every stage's gateway sees one journal.
            JsonNode canary = JSON.readTree(get(admin(server, "/api/journal/" + canaryId), null).body());
            assertThat(canary.path("stage").asText()).isEqualTo("prod");
            assertThat(canary.path("canaryRequest").asBoolean()).isTrue();
            assertThat(server.gateway("dev").journal().entries()).hasSize(3);
        }
    }

    @Test
    void resetting_a_stage_forgets_only_its_own_journal_entries() throws Exception {
        try (GatewayServer server = GatewayServer.start(devAndProd().build())) {
            String devId = requestId(get(server.uri("dev", "/where"), null));
            get(server.uri("prod", "/where"), "false");
            get(server.uri("prod", "/where"), "true");

            server.gateway("prod").reset();
            assertThat(server.gateway("dev").journal().entries()).extracting("requestId").containsExactly(devId);

            // Resetting every stage (as the JUnit fixture does between tests) leaves none, and later requests show.
            server.gateway("dev").reset();
            server.gateway("prod").reset();
            assertThat(server.gateway().journal().entries()).isEmpty();
            String later = requestId(get(server.uri("prod", "/where"), "true"));
            assertThat(server.gateway().journal().entries()).extracting("requestId").containsExactly(later);
        }
    }

    @Test
    void metrics_show_every_stages_series_and_canary_requests_count_in_their_stages() throws Exception {
        try (GatewayServer server = GatewayServer.start(devAndProd().build())) {
            get(server.uri("dev", "/where"), null);
            get(server.uri("prod", "/where"), "false");
            get(server.uri("prod", "/where"), "true");

            HttpResponse<String> metrics = get(admin(server, "/metrics"), null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("apigateway_count_total{api_name=\"stages\",method=\"GET\",resource=\"/where\","
                            + "stage=\"dev\"} 1.0")
                    .contains("apigateway_count_total{api_name=\"stages\",method=\"GET\",resource=\"/where\","
                            + "stage=\"prod\"} 2.0");
            assertThat(server.gateway("prod").metrics().scrape()).isEqualTo(server.gateway("dev").metrics().scrape());
        }
    }

    @Test
    void the_cache_endpoint_flushes_one_stage_or_every_stage_and_says_how_many_entries() throws Exception {
        try (GatewayServer server = GatewayServer.start(devAndProd().build())) {
            String dev = get(server.uri("dev", "/hello"), null).body();
            String prod = get(server.uri("prod", "/hello"), "false").body();
            assertThat(get(server.uri("dev", "/hello"), null).body()).isEqualTo(dev);
            // The canary uses the stage cache: prod's entry answers it.
            assertThat(get(server.uri("prod", "/hello"), "true").body()).isEqualTo(prod);

            JsonNode prodOnly = JSON.readTree(delete(admin(server, "/cache?stage=prod")).body());
            assertThat(prodOnly.path("flushedEntries").asLong()).isEqualTo(1);
            assertThat(prodOnly.path("stages")).hasSize(1);
            assertThat(prodOnly.path("stages").get(0).path("stage").asText()).isEqualTo("prod");
            assertThat(get(server.uri("prod", "/hello"), "false").body()).isNotEqualTo(prod);
            assertThat(get(server.uri("dev", "/hello"), null).body()).isEqualTo(dev);

            JsonNode every = JSON.readTree(delete(admin(server, "/cache")).body());
            assertThat(every.path("flushedEntries").asLong()).isEqualTo(2);
            assertThat(every.path("stages").findValuesAsText("stage")).containsExactly("dev", "prod");
            assertThat(every.path("stages").get(0).path("flushedEntries").asLong()).isEqualTo(1);
            assertThat(get(server.uri("dev", "/hello"), null).body()).isNotEqualTo(dev);
        }
    }

    @Test
    void flushing_a_stage_not_served_is_404_naming_the_stages_served() throws Exception {
        try (GatewayServer server = GatewayServer.start(devAndProd().build())) {
            HttpResponse<String> response = delete(admin(server, "/cache?stage=beta"));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(JSON.readTree(response.body()).path("message").asText())
                    .isEqualTo("DELETE /_apigw/cache?stage=beta: this server serves no stage 'beta'; it serves dev,"
                            + " prod (leave ?stage= out to flush every stage's cache)");
            assertThat(get(server.uri("dev", "/where"), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_admin_port_covers_every_stage_too() throws Exception {
        try (GatewayServer server = GatewayServer.start(devAndProd().adminEndpoints(AdminEndpoints.onPort(0))
                .build())) {
            get(server.uri("dev", "/hello"), null);
            get(server.uri("prod", "/hello"), "false");

            assertThat(JSON.readTree(get(admin(server, "/journal"), null).body()).findValuesAsText("stage"))
                    .containsExactly("prod", "dev");
            assertThat(JSON.readTree(delete(admin(server, "/cache")).body()).path("flushedEntries").asLong())
                    .isEqualTo(2);
        }
    }

    private static URI admin(GatewayServer server, String path) {
        return URI.create(server.adminRootUri().orElseThrow() + server.gateway().adminPrefix() + path);
    }

    private static String requestId(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    private HttpResponse<String> get(URI uri, @Nullable String forceCanary) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (forceCanary != null) {
            request.header("X-Apigw-Canary", forceCanary);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
}
