package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard's endpoints on a running server, read with a real HTTP client. */
class DashboardRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final String REST_API = """
            openapi: 3.0.1
            info: {title: Pet Store, version: "1"}
            paths:
              /pets/{id}:
                get:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses: {default: {statusCode: "200", responseTemplates: {application/json: '{"id": 7}'}}}
              /{proxy+}:
                x-amazon-apigateway-any-method:
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses: {default: {statusCode: "200"}}
            """;

    private static final String HTTP_API = """
            openapi: 3.0.1
            info: {title: http-pets, version: "1"}
            paths:
              /pets/{id}:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Echo/invocations
            """;

    private static GatewayServer rest(GatewayConfig.Builder builder) {
        return GatewayServer.start(builder.spec(SpecSource.text("pets.yaml", REST_API)).port(0).build());
    }

    private static GatewayServer rest() {
        return rest(GatewayConfig.builder());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI admin(GatewayServer server, String path) {
        return URI.create(server.rootUri() + server.gateway().adminPrefix() + path);
    }

    private static JsonNode json(GatewayServer server, String path) throws Exception {
        HttpResponse<String> response = get(admin(server, path));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    @Test
    void the_overview_of_a_rest_api_names_routes_by_declared_method_and_resource() throws Exception {
        try (GatewayServer server = rest()) {
            JsonNode overview = json(server, "/api/overview");

            assertThat(overview.get("title").asText()).isEqualTo("Pet Store");
            assertThat(overview.get("type").asText()).isEqualTo("REST");
            assertThat(overview.get("apiId").asText()).isEqualTo(server.gateway().apiId());
            assertThat(overview.get("stage").asText()).isEqualTo(server.gateway().stage());
            assertThat(overview.get("baseUrl").asText()).isEqualTo(server.baseUri().toString());
            assertThat(overview.get("webSocketUrl").isNull()).isTrue();
            assertThat(overview.get("observability").asBoolean()).isTrue();
            assertThat(overview.get("journalSize").asInt()).isEqualTo(server.gateway().journal().size());
            assertThat(texts(overview.get("routes"), "route")).containsExactlyInAnyOrder("GET /pets/{id}",
                    "ANY /{proxy+}");
            JsonNode pet = Stream.of(overview.get("routes")).flatMap(routes -> {
                List<JsonNode> all = new ArrayList<>();
                routes.forEach(all::add);
                return all.stream();
            }).filter(route -> route.get("route").asText().equals("GET /pets/{id}")).findFirst().orElseThrow();
            assertThat(pet.get("method").asText()).isEqualTo("GET");
            assertThat(pet.get("path").asText()).isEqualTo("/" + server.gateway().stage() + "/pets/{id}");
            assertThat(pet.get("integration").get("type").asText()).isEqualTo("MOCK");
            assertThat(pet.get("integration").get("target").isNull()).isTrue();
            assertThat(pet.get("authorization").asText()).isEqualTo("NONE");
            assertThat(pet.get("apiKeyRequired").asBoolean()).isFalse();
            assertThat(overview.get("webSocketRoutes")).isEmpty();
        }
    }

    @Test
    void the_overview_of_an_http_api_names_routes_by_route_key_and_function() throws Exception {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.builder()
                .spec(SpecSource.text("http.yaml", HTTP_API)).port(0)
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null)).build())) {
            JsonNode overview = json(server, "/api/overview");

            assertThat(overview.get("type").asText()).isEqualTo("HTTP");
            JsonNode route = overview.get("routes").get(0);
            assertThat(route.get("route").asText()).isEqualTo("GET /pets/{id}");
            assertThat(route.get("integration").get("type").asText()).isEqualTo("AWS_PROXY");
            assertThat(route.get("integration").get("target").asText()).isEqualTo("Echo");

            get(server.uri("/pets/7"));
            assertThat(json(server, "/api/cost").get("lines").get(0).get("item").asText()).isEqualTo("HTTP API calls");
            assertThat(json(server, "/api/cost").get("lines").get(0).get("quantity").asLong()).isEqualTo(1);
            assertThat(server.gateway().journal().entries().get(0).route()).isEqualTo("GET /pets/{id}");
        }
    }

    @Test
    void stats_count_requests_errors_and_latency_per_route() throws Exception {
        try (GatewayServer server = rest()) {
            for (int i = 0; i < 5; i++) {
                assertThat(get(server.uri("/pets/" + i)).statusCode()).isEqualTo(200);
            }
            get(server.uri("/anything/else"));
            HttpResponse<String> unrouted = CLIENT.send(HttpRequest.newBuilder(URI.create(server.rootUri() + "/nostage"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unrouted.statusCode()).isEqualTo(403);

            JsonNode stats = json(server, "/api/stats");

            assertThat(stats.get("bucketSeconds").asInt()).isEqualTo(5);
            assertThat(stats.get("windowSeconds").asInt()).isEqualTo(300);
            assertThat(texts(stats.get("routes"), "route")).containsExactlyInAnyOrder("GET /pets/{id}",
                    "ANY /{proxy+}", "(no route)");
            for (JsonNode route : stats.get("routes")) {
                String label = route.get("route").asText();
                long expected = label.equals("GET /pets/{id}") ? 5 : 1;
                assertThat(route.get("count").asLong()).as(label).isEqualTo(expected);
                assertThat(route.get("errors4xx").asLong()).as(label).isEqualTo(label.equals("(no route)") ? 1 : 0);
                assertThat(route.get("errors5xx").asLong()).as(label).isZero();
                assertThat(route.get("p50").asDouble()).as(label).isPositive();
                assertThat(route.get("p99").asDouble()).as(label).isGreaterThanOrEqualTo(route.get("p50").asDouble());
                long inSeries = 0;
                for (JsonNode second : route.get("series")) {
                    inSeries += second.get("count").asLong();
                    assertThat(second.get("t").asText()).endsWith("Z");
                }
                assertThat(inSeries).as(label).isEqualTo(expected);
            }

            server.gateway().reset();
            JsonNode afterReset = json(server, "/api/stats");
            assertThat(texts(afterReset.get("routes"), "route")).doesNotContain("(no route)");
            afterReset.get("routes").forEach(route -> assertThat(route.get("count").asLong()).isZero());
        }
    }

    @Test
    void the_cost_of_rest_calls_is_priced_per_million() throws Exception {
        try (GatewayServer server = rest()) {
            for (int i = 0; i < 4; i++) {
                get(server.uri("/pets/" + i));
            }
            // No route: AWS does not bill it.
            assertThat(get(URI.create(server.rootUri() + "/nostage")).statusCode()).isEqualTo(403);

            JsonNode cost = json(server, "/api/cost");

            assertThat(cost.get("apiType").asText()).isEqualTo("REST");
            assertThat(cost.get("region").asText()).isEqualTo("us-east-1");
            assertThat(cost.get("pricesAsOf").asText()).isEqualTo("2026-11-27");
            assertThat(cost.get("source").asText()).isEqualTo("https://aws.amazon.com/api-gateway/pricing/");
            JsonNode line = cost.get("lines").get(0);
            assertThat(line.get("item").asText()).isEqualTo("REST API calls");
            assertThat(line.get("quantity").asLong()).isEqualTo(4);
            assertThat(line.get("unit").asText()).isEqualTo("calls");
            assertThat(line.get("usdPerMillion").asDouble()).isEqualTo(3.50);
            assertThat(line.get("usd").asDouble()).isEqualTo(0.000014);
            assertThat(cost.get("totalUsd").asDouble()).isEqualTo(0.000014);
            assertThat(cost.get("note").asText()).contains("free tier").contains("not counted");
        }
    }

    @Test
    void a_journal_entry_is_served_by_request_id_until_it_is_gone() throws Exception {
        try (GatewayServer server = rest()) {
            HttpResponse<String> response = get(server.uri("/pets/7"));
            String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();

            JsonNode entry = json(server, "/api/journal/" + requestId);
            assertThat(entry.get("requestId").asText()).isEqualTo(requestId);
            assertThat(entry.get("route").asText()).isEqualTo("GET /pets/{id}");
            assertThat(entry.get("response").get("status").asInt()).isEqualTo(200);

            HttpResponse<String> missing = get(admin(server, "/api/journal/no-such-request"));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(missing.body()).get("message").asText()).contains("no-such-request");
        }
    }

    @Test
    void the_live_feed_streams_each_request_as_a_server_sent_event() throws Exception {
        try (GatewayServer server = rest()) {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpRequest events = HttpRequest.newBuilder(admin(server, "/api/events"))
                    .header("Accept", "text/event-stream").build();
            var stream = CLIENT.sendAsync(events, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(lines::add));
            // The stream's first event says the server has subscribed it: nothing answered after it is missed.
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("event: ready");
            assertThat(server.gateway().liveFeed().subscribers()).isEqualTo(1);

            String requestId = get(server.uri("/pets/7")).headers().firstValue("x-amzn-RequestId").orElseThrow();

            String data = null;
            for (int i = 0; i < 50 && data == null; i++) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                assertThat(line).as("a line of the stream within 10 s").isNotNull();
                if (line.equals("event: request")) {
                    data = lines.poll(10, TimeUnit.SECONDS);
                }
            }
            assertThat(data).startsWith("data: ");
            JsonNode event = JSON.readTree(data.substring("data: ".length()));
            assertThat(event.get("requestId").asText()).isEqualTo(requestId);
            assertThat(event.get("method").asText()).isEqualTo("GET");
            assertThat(event.get("path").asText()).isEqualTo("/" + server.gateway().stage() + "/pets/7");
            assertThat(event.get("route").asText()).isEqualTo("GET /pets/{id}");
            assertThat(event.get("status").asInt()).isEqualTo(200);
            assertThat(event.get("latencyMillis").asDouble()).isPositive();
            assertThat(event.get("errorType").isNull()).isTrue();
            assertThat(event.get("sequence").asLong()).isPositive();
            // The journal hears of a request before the feed does.
            assertThat(get(admin(server, "/api/journal/" + requestId)).statusCode()).isEqualTo(200);

            server.close();
            // Closing the server ends the stream instead of waiting for the client.
            stream.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_page_and_its_files_come_from_an_allow_list() throws Exception {
        try (GatewayServer server = rest()) {
            HttpResponse<String> redirect = get(admin(server, ""));
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValue(server.gateway().adminPrefix() + "/");

            for (String forbidden : List.of("/dashboard/secret.txt", "/dashboard/..%2F..%2Fapigw.yaml",
                    "/dashboard/%2e%2e%2fGateway.class")) {
                HttpResponse<String> response = get(admin(server, forbidden));
                assertThat(response.statusCode()).as(forbidden).isEqualTo(404);
            }
            HttpResponse<String> page = get(admin(server, "/"));
            if (page.statusCode() == 200) {
                assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html"));
                assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
            } else {
                // The page's files come from the other half of the dashboard; without them the answer is a 404.
                assertThat(page.statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void a_moved_admin_prefix_moves_the_dashboard() throws Exception {
        try (GatewayServer server = rest(GatewayConfig.builder().adminPrefix("/_local"))) {
            assertThat(json(server, "/api/overview").get("title").asText()).isEqualTo("Pet Store");
            assertThat(get(URI.create(server.rootUri() + "/_apigw/api/overview")).statusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void without_observability_the_endpoints_answer_with_nothing_counted() throws Exception {
        try (GatewayServer server = rest(GatewayConfig.builder().observability(false))) {
            get(server.uri("/pets/7"));

            assertThat(json(server, "/api/overview").get("observability").asBoolean()).isFalse();
            json(server, "/api/stats").get("routes").forEach(route -> {
                assertThat(route.get("count").asLong()).isZero();
                assertThat(route.get("series")).isEmpty();
            });
            assertThat(json(server, "/api/cost").get("totalUsd").asDouble()).isZero();
            assertThat(json(server, "/api/websocket").get("connections")).isEmpty();
        }
    }

    @Test
    void websocket_connections_show_their_frames_both_ways_and_are_priced() throws Exception {
        try (GatewayServer server = GatewayServer.start(GatewayConfig.builder().spec(TestSpecs.spec("ws-chat.yaml"))
                .port(0)
                .function("Connect", new FunctionDefinition.Instance(new WebSocketHandlers.Connect(), null))
                .function("Disconnect", new FunctionDefinition.Instance(new WebSocketHandlers.Disconnect(), null))
                .function("Echo", new FunctionDefinition.Instance(new WebSocketHandlers.Echo(), null))
                .function("Push", new FunctionDefinition.Instance(new WebSocketHandlers.Push(), null))
                .build())) {
            JsonNode overview = json(server, "/api/overview");
            assertThat(overview.get("type").asText()).isEqualTo("WEBSOCKET");
            assertThat(overview.get("webSocketUrl").asText()).isEqualTo(server.webSocketUri().toString());
            assertThat(texts(overview.get("webSocketRoutes"), "routeKey")).contains("$connect", "$default", "push");

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = CLIENT.newWebSocketBuilder().buildAsync(server.webSocketUri(), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    received.add(data.toString());
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: hello");

            JsonNode connection = json(server, "/api/websocket").get("connections").get(0);
            assertThat(connection.get("open").asBoolean()).isTrue();
            assertThat(connection.get("closedAt").isNull()).isTrue();
            assertThat(connection.get("sourceIp").asText()).isNotBlank();
            JsonNode frames = connection.get("frames");
            assertThat(texts(frames, "direction")).containsExactly("in", "out");
            assertThat(texts(frames, "data")).containsExactly("hello", "echo: hello");
            assertThat(frames.get(0).get("routeKey").asText()).isEqualTo("$default");
            assertThat(frames.get(0).get("size").asInt()).isEqualTo(5);
            assertThat(frames.get(0).get("truncated").asBoolean()).isFalse();

            // Each route key is charted: $connect and the message's $default route ran once each.
            JsonNode stats = json(server, "/api/stats");
            assertThat(texts(stats.get("routes"), "route")).contains("$connect", "$default");
            for (JsonNode route : stats.get("routes")) {
                String key = route.get("route").asText();
                if (key.equals("$connect") || key.equals("$default")) {
                    assertThat(route.get("count").asLong()).as(key).isEqualTo(1);
                    assertThat(route.get("errors5xx").asLong()).as(key).isZero();
                }
            }

            JsonNode cost = json(server, "/api/cost");
            assertThat(texts(cost.get("lines"), "item")).containsExactly("WebSocket messages",
                    "WebSocket connection minutes");
            assertThat(cost.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
            assertThat(cost.get("lines").get(1).get("quantity").asLong()).isEqualTo(1);

            String longText = "é".repeat(3000);
            socket.sendText(longText, true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: " + longText);
            JsonNode listing = json(server, "/api/websocket");
            assertThat(listing.get("omitted").asInt()).isZero();
            JsonNode longFrame = listing.get("connections").get(0).get("frames").get(2);
            assertThat(longFrame.get("size").asInt()).isEqualTo(6000);
            assertThat(longFrame.get("data").asText()).hasSize(2048);
            assertThat(longFrame.get("truncated").asBoolean()).isTrue();

            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
            JsonNode closed = null;
            for (int i = 0; i < 100; i++) {
                closed = json(server, "/api/websocket").get("connections").get(0);
                if (!closed.get("open").asBoolean()) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(closed.get("open").asBoolean()).isFalse();
            assertThat(closed.get("closeCode").asInt()).isEqualTo(1000);
            assertThat(closed.get("frames")).hasSize(4);
        }
    }
}
