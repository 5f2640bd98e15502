package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP_PROXY integrations against a real backend on loopback. */
class HttpProxyAcceptanceTest {
    private static TestBackend backend;
    private static GatewayServer rest;
    private static GatewayServer http;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        backend = new TestBackend();
        rest = GatewayServer.start(config("rest-api.yaml").build());
        http = GatewayServer.start(config("http-api.yaml").build());
    }

    private static GatewayConfig.Builder config(String spec) {
        return GatewayConfig.builder().spec(TestSpecs.spec(spec)).port(0).stageVariable("backend", backend.url())
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), null));
    }

    @AfterAll
    static void stop() {
        rest.close();
        http.close();
        backend.close();
    }

    @Test
    void rest_proxy_substitutes_the_greedy_path_and_passes_method_headers_query_and_body() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(rest.uri("/backend/pets/7?sort=asc"))
                .header("X-Test", "passed").method("PUT", HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.body()).isEqualTo("backend saw /api/pets/7?sort=asc&mapped=yes");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("yes");
        assertThat(backend.received).last().isEqualTo(
                new TestBackend.Received("PUT", "/api/pets/7?sort=asc&mapped=yes", "passed", "{\"a\":1}"));
        assertThat(backend.traceIds).last().asString().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    }

    @Test
    void a_clients_own_trace_header_is_passed_on_as_it_is() throws Exception {
        CLIENT.send(HttpRequest.newBuilder(rest.uri("/backend/pets/7")).header("X-Amzn-Trace-Id", "Root=1-abc-def")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(backend.traceIds).last().isEqualTo("Root=1-abc-def");
    }

    @Test
    void http_api_default_route_forwards_the_full_path() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(http.uri("/some/where?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.body()).isEqualTo("backend saw /some/where?x=1");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }
}
