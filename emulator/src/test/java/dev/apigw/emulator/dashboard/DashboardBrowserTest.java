package dev.apigw.emulator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.FailingHandler;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser: headless Chromium opens {@code /_apigw/}, requests sent with a real HTTP client
 * show up in the live feed, the inspector shows their steps, and the charts, cost and WebSocket panels fill in.
 * Skipped when Chromium is not installed (outside CI); screenshots land in {@code target/dashboard/}.
 */
class DashboardBrowserTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String PETS_API = """
            openapi: 3.0.1
            info: {title: Pet Store, version: "1"}
            paths:
              /pets/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Pets/invocations
              /boom:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Boom/invocations
            """;

    @TempDir
    Path profile;

    private GatewayServer server;
    private Chromium chromium;

    @AfterEach
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void requests_appear_live_and_the_inspector_shows_every_step_of_one() throws Exception {
        server = GatewayServer.start(GatewayConfig.builder().spec(SpecSource.text("pets.yaml", PETS_API)).port(0)
                .function("Pets", new FunctionDefinition.Instance(new PetsHandler(), null))
                .function("Boom", new FunctionDefinition.Instance(new FailingHandler(), null))
                .build());
        chromium = Chromium.launch(profile);
        WebDriver page = chromium.driver();
        page.get(server.dashboardUri().toString());

        List<String> routes = chromium.await("the routes table lists both routes", driver -> {
            List<String> labels = attributes(driver, "#routes tr.route", "data-route");
            return labels.size() == 2 ? labels : null;
        });
        assertThat(routes).containsExactlyInAnyOrder("GET /pets/{id}", "GET /boom");
        awaitLive();

        String found = requestId(get("/pets/7", 200));
        String missing = requestId(get("/pets/0", 404));
        String failed = requestId(get("/boom", 502));
        String unrouted = requestId(get("/nowhere", 403));

        chromium.await("four rows in the live feed", driver ->
                driver.findElements(By.cssSelector("#feed tr.feed-row[data-request-id]")).size() == 4);
        assertThat(attributes(page, "#feed tr.feed-row", "data-request-id"))
                .as("newest on top").containsExactly(unrouted, failed, missing, found);
        assertRow(found, "200", "GET /pets/{id}");
        assertRow(missing, "404", "GET /pets/{id}");
        assertRow(failed, "502", "GET /boom");
        assertRow(unrouted, "403", "(no route)");
        assertThat(feedRow(found).findElement(By.cssSelector(".latency")).getText()).endsWith("ms");

        feedRow(found).click();
        String event = chromium.await("the inspector shows the Lambda event", driver -> {
            List<WebElement> events = driver.findElements(By.cssSelector("#inspector pre.event"));
            return events.isEmpty() ? null : events.get(0).getText();
        });
        assertThat(event).as("pretty-printed proxy event").contains("\"path\": \"/pets/7\"")
                .contains("\"httpMethod\": \"GET\"");
        assertThat(text("#inspector pre.payload")).as("the function's raw response").contains("Rex");
        assertThat(text("#inspector pre.response-body")).as("the client's response, pretty-printed")
                .contains("\"name\": \"Rex\"");
        assertThat(text("#inspector pre.logs")).contains("looking up pet 7");
        assertThat(attributes(page, "#inspector .step", "data-step")).contains("Client request", "Matched route",
                "Authorizer / caller", "Integration request (event)", "Integration response (raw)",
                "Client response", "Function log lines", "Timings");
        assertThat(attributes(page, "#inspector table.stages tr", "data-stage")).as("a row per stage reached")
                .containsExactly("route", "authorize", "meter", "validate", "integration", "respond");
        assertThat(text("#inspector p.authorization")).as("a route without authorization")
                .startsWith("No authorization");

        chromium.await("a chart for the route with traffic", driver ->
                !driver.findElements(By.cssSelector("#charts .chart[data-route='GET /pets/{id}'] svg rect.bar"))
                        .isEmpty());
        double total = chromium.await("a cost total above zero", driver -> {
            List<WebElement> totals = driver.findElements(By.cssSelector("#cost .total"));
            double usd = totals.isEmpty() ? 0 : Double.parseDouble(totals.get(0).getText().replace("$", ""));
            return usd > 0 ? usd : null;
        });
        assertThat(total).isPositive();
        assertThat(text("#cost")).contains("REST API calls").contains("as of");

        chromium.screenshot(Path.of("target", "dashboard", "rest-api.png"));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void a_websocket_connection_and_its_frames_appear_in_the_panel() throws Exception {
        server = GatewayServer.start(GatewayConfig.builder().spec(TestSpecs.spec("ws-chat.yaml")).port(0)
                .function("Connect", new FunctionDefinition.Instance(new WebSocketHandlers.Connect(), null))
                .function("Disconnect", new FunctionDefinition.Instance(new WebSocketHandlers.Disconnect(), null))
                .function("Echo", new FunctionDefinition.Instance(new WebSocketHandlers.Echo(), null))
                .function("Push", new FunctionDefinition.Instance(new WebSocketHandlers.Push(), null))
                .build());
        chromium = Chromium.launch(profile);
        WebDriver page = chromium.driver();
        page.get(server.dashboardUri().toString());

        chromium.await("the routes table lists the WebSocket routes", driver ->
                attributes(driver, "#routes tr.route", "data-route").size() == 4);
        assertThat(attributes(page, "#routes tr.route", "data-route"))
                .contains("$connect", "$disconnect", "$default", "push");
        assertThat(page.findElement(By.id("websocket-panel")).isDisplayed()).isTrue();
        awaitLive();

        Frames frames = new Frames();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(server.webSocketUri(), frames).get(10, TimeUnit.SECONDS);
        socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
        assertThat(frames.next()).isEqualTo("echo: hello");

        WebElement connection = chromium.await("the connection with both frames", driver -> {
            List<WebElement> connections = driver.findElements(
                    By.cssSelector("#websocket .connection[data-connection-id]"));
            return connections.size() == 1
                    && connections.get(0).findElements(By.cssSelector(".frame")).size() == 2 ? connections.get(0) : null;
        });
        assertThat(connection.getDomAttribute("data-connection-id")).isNotBlank();
        List<WebElement> shown = connection.findElements(By.cssSelector(".frame"));
        assertThat(shown.get(0).getDomAttribute("data-direction")).isEqualTo("in");
        assertThat(shown.get(0).findElement(By.cssSelector("pre")).getText()).isEqualTo("hello");
        assertThat(shown.get(1).getDomAttribute("data-direction")).isEqualTo("out");
        assertThat(shown.get(1).findElement(By.cssSelector("pre")).getText()).isEqualTo("echo: hello");
        // Route keys are charted like routes: the message ran $default once.
        chromium.await("a chart with bars for the $default route key", driver -> !driver.findElements(
                By.cssSelector("#charts .chart[data-route='$default'] svg rect.bar")).isEmpty());
        chromium.screenshot(Path.of("target", "dashboard", "websocket-api.png"));

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        chromium.await("the connection shown closed", driver ->
                !driver.findElements(By.cssSelector("#websocket .connection.is-closed")).isEmpty());
        assertThat(text("#cost")).contains("connection minutes");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private void awaitLive() {
        chromium.await("the live feed connected", driver ->
                "live".equals(driver.findElement(By.id("connection-state")).getText()));
    }

    private HttpResponse<String> get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.uri(path)).build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(expectedStatus);
        return response;
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    private WebElement feedRow(String requestId) {
        return chromium.driver().findElement(By.cssSelector("#feed tr.feed-row[data-request-id='" + requestId + "']"));
    }

    private void assertRow(String requestId, String status, String route) {
        WebElement row = feedRow(requestId);
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo(status);
        assertThat(row.findElement(By.cssSelector(".route")).getText()).isEqualTo(route);
    }

    private String text(String selector) {
        return chromium.driver().findElement(By.cssSelector(selector)).getText();
    }

    private static List<String> attributes(WebDriver driver, String selector, String attribute) {
        return driver.findElements(By.cssSelector(selector)).stream().map(node -> node.getDomAttribute(attribute))
                .toList();
    }

    /** {@code GET /pets/{id}}: logs a line, answers 404 for pet 0 and a JSON pet otherwise. */
    public static class PetsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object id = ((Map<?, ?>) event.get("pathParameters")).get("id");
            context.getLogger().log("looking up pet " + id);
            if ("0".equals(id)) {
                return Map.of("statusCode", 404, "body", "{\"message\":\"no pet 0\"}");
            }
            return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                    "body", "{\"id\":\"" + id + "\",\"name\":\"Rex\"}");
        }
    }

    /** The JDK client's listener, keeping the text frames it receives. */
    private static final class Frames implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String frame = received.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }
    }
}
