package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudWatch-named metrics at {@code /_apigw/metrics}, through a running gateway and a real HTTP client. */
class GatewayMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, BodyHandlers.ofString());
    }

    private HttpResponse<String> scrapeResponse() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.rootUri() + "/_apigw/metrics")).build(),
                BodyHandlers.ofString());
    }

    private PrometheusText scrape() throws Exception {
        return new PrometheusText(scrapeResponse().body());
    }

    private static GatewayConfig.Builder lambdaApi(String spec) {
        return GatewayConfig.builder().spec(TestSpecs.spec(spec)).port(0)
                .stageVariable("backend", "http://127.0.0.1:9")
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), Duration.ofSeconds(5)));
    }

    @Nested
    class RestApi {

        @Test
        void counts_each_request_by_api_name_stage_resource_and_method() throws Exception {
            server = GatewayServer.start(lambdaApi("rest-api.yaml").build());

            send("GET", "/echo", "");
            send("GET", "/echo", "");
            send("GET", "/items/7", "");

            PrometheusText metrics = scrape();
            assertThat(metrics.value("apigateway_count_total",
                    "api_name", "rest-test", "stage", "dev", "resource", "/echo", "method", "GET")).isEqualTo(2);
            assertThat(metrics.value("apigateway_count_total", "resource", "/items/{id}", "method", "GET"))
                    .isEqualTo(1);
            assertThat(metrics.value("apigateway_count_total", "resource", "/echo", "method", "POST")).isZero();
            assertThat(metrics.value("apigateway_latency_seconds_count", "resource", "/echo", "method", "GET"))
                    .isEqualTo(2);
            assertThat(metrics.value("apigateway_integration_latency_seconds_count", "resource", "/echo",
                    "method", "GET")).isEqualTo(2);
        }

        @ParameterizedTest
        @CsvSource({"404, 1, 0", "429, 1, 0", "500, 0, 1", "502, 0, 1", "201, 0, 0"})
        void classifies_4XXError_and_5XXError_by_the_status_the_client_got(int status, int clientErrors,
                int serverErrors) throws Exception {
            server = GatewayServer.start(lambdaApi("rest-api.yaml").build());

            HttpResponse<String> response = send("POST", "/result", "{\"statusCode\": " + status + "}");

            assertThat(response.statusCode()).isEqualTo(status);
            PrometheusText metrics = scrape();
            assertThat(metrics.value("apigateway_4xx_error_total", "resource", "/result", "method", "POST"))
                    .isEqualTo(clientErrors);
            assertThat(metrics.value("apigateway_5xx_error_total", "resource", "/result", "method", "POST"))
                    .isEqualTo(serverErrors);
            assertThat(metrics.value("apigateway_count_total", "resource", "/result", "method", "POST")).isEqualTo(1);
        }

        @Test
        void a_request_no_route_took_counts_at_the_stage_level_only() throws Exception {
            server = GatewayServer.start(lambdaApi("rest-api.yaml").build());

            HttpResponse<String> response = send("GET", "/nowhere", "");

            assertThat(response.statusCode()).isEqualTo(403);
            PrometheusText metrics = scrape();
            assertThat(metrics.text()).contains(
                    "apigateway_count_total{api_name=\"rest-test\",method=\"\",resource=\"\",stage=\"dev\"} 1.0");
            assertThat(metrics.value("apigateway_4xx_error_total", "resource", "", "method", "")).isEqualTo(1);
            assertThat(metrics.value("apigateway_integration_latency_seconds_count", "resource", "", "method", ""))
                    .isZero();
        }

        @Test
        void a_failing_integration_is_a_5XXError_with_its_latency() throws Exception {
            server = GatewayServer.start(lambdaApi("rest-api.yaml").build());

            HttpResponse<String> response = send("GET", "/slow", "");

            assertThat(response.statusCode()).isEqualTo(504);
            PrometheusText metrics = scrape();
            assertThat(metrics.value("apigateway_5xx_error_total", "resource", "/slow", "method", "GET")).isEqualTo(1);
            assertThat(metrics.value("apigateway_integration_latency_seconds_count", "resource", "/slow",
                    "method", "GET")).isEqualTo(1);
        }

        @Test
        void serves_the_prometheus_text_format_with_latency_histograms() throws Exception {
            server = GatewayServer.start(lambdaApi("rest-api.yaml").build());
            send("GET", "/echo", "");

            HttpResponse<String> response = scrapeResponse();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(response.body())
                    .contains("# TYPE apigateway_count_total counter")
                    .contains("# TYPE apigateway_latency_seconds histogram")
                    .containsPattern("apigateway_latency_seconds_bucket\\{[^}]*resource=\"/echo\"[^}]*le=\"0.001\"")
                    .containsPattern("apigateway_latency_seconds_bucket\\{[^}]*resource=\"/echo\"[^}]*le=\"30.0\"");
        }
    }

    @Nested
    class HttpApi {

        @Test
        void counts_by_api_id_stage_and_the_route_key_resource_and_method() throws Exception {
            server = GatewayServer.start(lambdaApi("http-api.yaml").build());

            send("GET", "/echo/7", "");
            HttpResponse<String> missing = send("POST", "/result", "{\"statusCode\": 404}");

            assertThat(missing.statusCode()).isEqualTo(404);
            PrometheusText metrics = scrape();
            String apiId = server.gateway().apiId();
            assertThat(metrics.value("apigateway_count_total", "api_id", apiId, "stage", "$default",
                    "resource", "/echo/{id}", "method", "GET")).isEqualTo(1);
            assertThat(metrics.value("apigateway_4xx_total", "resource", "/result", "method", "POST")).isEqualTo(1);
            assertThat(metrics.value("apigateway_5xx_total", "resource", "/result", "method", "POST")).isZero();
            assertThat(metrics.value("apigateway_count_total", "resource", "$default", "method", "ANY")).isZero();
        }

        @Test
        void data_processed_counts_the_request_and_response_bodies() throws Exception {
            server = GatewayServer.start(lambdaApi("http-api.yaml").build());
            String result = "{\"statusCode\": 200, \"body\": \"12345\"}";

            send("POST", "/result", result);

            assertThat(scrape().value("apigateway_data_processed_bytes_total", "resource", "/result",
                    "method", "POST")).isEqualTo(result.length() + "12345".length());
        }
    }

    @Nested
    class WebSocketApi {
        private static final String CONNECT = "$connect";

        private GatewayServer chat() {
            return GatewayServer.start(GatewayConfig.builder().spec(TestSpecs.spec("ws-chat.yaml")).port(0)
                    .function("Connect", new FunctionDefinition.Instance(new WebSocketHandlers.Connect(), null))
                    .function("Disconnect", new FunctionDefinition.Instance(new WebSocketHandlers.Disconnect(), null))
                    .function("Echo", new FunctionDefinition.Instance(new WebSocketHandlers.Echo(), null))
                    .function("Push", new FunctionDefinition.Instance(new WebSocketHandlers.Push(), null))
                    .build());
        }

        @Test
        void counts_connects_and_messages_both_ways_by_route() throws Exception {
            server = chat();

            try (Client client = Client.connect(server.webSocketUri())) {
                client.send("hello");
                assertThat(client.nextFrame()).isEqualTo("echo: hello");
            }

            String apiId = server.gateway().apiId();
            // The echo is counted before it is written, so the client holding it finds both messages counted.
            PrometheusText metrics = scrape();
            assertThat(metrics.value("apigateway_message_count_total", "route", "$default")).isEqualTo(2);
            assertThat(metrics.value("apigateway_connect_count_total", "api_id", apiId, "stage", "dev",
                    "route", CONNECT)).isEqualTo(1);
            assertThat(metrics.value("apigateway_integration_latency_seconds_count", "route", "$default"))
                    .isEqualTo(1);
            assertThat(metrics.value("apigateway_execution_error_total", "route", "$default")).isZero();
        }

        @Test
        void a_connect_integration_refusing_the_client_is_an_integration_error() throws Exception {
            server = chat();

            assertThatThrownBy(() -> Client.connect(URI.create(server.webSocketUri() + "?reject=yes")))
                    .isInstanceOf(ExecutionException.class);

            PrometheusText metrics = scrape();
            assertThat(metrics.value("apigateway_connect_count_total", "route", CONNECT)).isEqualTo(1);
            assertThat(metrics.value("apigateway_integration_error_total", "route", CONNECT)).isEqualTo(1);
            assertThat(metrics.value("apigateway_client_error_total", "route", CONNECT)).isEqualTo(1);
        }
    }

    @Test
    void cloudwatch_names_map_to_snake_case_with_the_prefix() {
        assertThat(MetricsNaming.meterName("4XXError")).isEqualTo("apigateway.4xx.error");
        assertThat(MetricsNaming.meterName("5xx")).isEqualTo("apigateway.5xx");
        assertThat(MetricsNaming.meterName("IntegrationLatency")).isEqualTo("apigateway.integration.latency");
        assertThat(MetricsNaming.meterName("ConnectCount")).isEqualTo("apigateway.connect.count");
    }

    @Test
    void api_name_drops_non_ascii_characters_and_falls_back_to_the_api_id() {
        assertThat(GatewayMetrics.apiName("Pets ✓ API", "abc123")).isEqualTo("Pets  API");
        assertThat(GatewayMetrics.apiName("✓✓", "abc123")).isEqualTo("abc123");
    }

    /** The JDK's WebSocket client, collecting the text frames it receives. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private WebSocket socket;

        static Client connect(URI uri) throws Exception {
            Client client = new Client();
            client.socket = HTTP.newWebSocketBuilder().buildAsync(uri, client).get(10, TimeUnit.SECONDS);
            return client;
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        String nextFrame() throws InterruptedException {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            if (socket != null && !socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }
    }

    /** A scrape in the Prometheus text format, read the way a test asks about it: one sample by name and labels. */
    private record PrometheusText(String text) {

        /**
         * The value of the one sample named {@code name} whose labels include every given {@code label, value} pair.
         *
         * @throws AssertionError when no sample, or more than one, matches
         */
        double value(String name, String... labelPairs) {
            List<String> matches = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith(name + "{") && hasLabels(line, labelPairs)) {
                    matches.add(line);
                }
            }
            if (matches.size() != 1) {
                throw new AssertionError("expected one " + name + " sample with " + String.join(",", labelPairs)
                        + ", found " + matches.size() + ":\n" + String.join("\n", matches));
            }
            String line = matches.get(0);
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }

        private static boolean hasLabels(String line, String... labelPairs) {
            String labels = line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1);
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                String label = labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"";
                if (!labels.contains("{" + label + ",") && !labels.contains("," + label + ",")
                        && !labels.contains("," + label + "}") && !labels.contains("{" + label + "}")) {
                    return false;
                }
            }
            return true;
        }
    }
}
