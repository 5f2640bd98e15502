package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.HeldHandler;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import org.junit.jupiter.api.Test;

/** GatewayServer.close() as SIGTERM and the fixture use it: refuse new connections, drain, close WebSockets. */
class ShutdownAcceptanceTest {
    private static final String HELD_API = """
            openapi: 3.0.1
            info: {title: shutdown-test, version: "1"}
            paths:
              /held:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Held/invocations
            """;

    private final HttpClient client = HttpClient.newHttpClient();

    private static GatewayServer heldApi(HeldHandler handler, Duration grace) {
        return GatewayServer.start(GatewayConfig.builder().spec(SpecSource.text("held.yaml", HELD_API)).port(0)
                .function("Held", new FunctionDefinition.Instance(handler, Duration.ofSeconds(30)))
                .shutdownGrace(grace).build());
    }

    @Test
    void a_request_in_flight_finishes_during_shutdown_while_new_connections_are_refused() throws Exception {
        HeldHandler handler = new HeldHandler();
        GatewayServer server = heldApi(handler, Duration.ofSeconds(20));
        int port = server.port();
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> rawGet(port, "/held"));
        handler.awaitStarted();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitRefused(port);
        assertThat(closing).isNotDone();
        handler.release.countDown();

        String response = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nfinished");
        closing.get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_request_still_running_when_the_grace_period_ends_loses_its_connection_and_the_server_stops() throws Exception {
        HeldHandler handler = new HeldHandler();
        GatewayServer server = heldApi(handler, Duration.ofMillis(200));
        try {
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(server.uri("/held")).build(), HttpResponse.BodyHandlers.ofString());
            handler.awaitStarted();

            CompletableFuture.runAsync(server::close).get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IOException.class);
            assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            handler.release.countDown();
        }
    }

    @Test
    void closing_twice_stops_once() {
        GatewayServer server = heldApi(new HeldHandler(), Duration.ofSeconds(1));
        server.close();
        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void websocket_clients_see_going_away_and_disconnect_runs_for_each() throws Exception {
        RecordingDisconnect disconnect = new RecordingDisconnect();
        GatewayServer server = GatewayServer.start(GatewayConfig.builder().spec(TestSpecs.spec("ws-chat.yaml"))
                .port(0)
                .function("Connect", new FunctionDefinition.Instance(new WebSocketHandlers.Connect(), null))
                .function("Disconnect", new FunctionDefinition.Instance(disconnect, null))
                .function("Echo", new FunctionDefinition.Instance(new WebSocketHandlers.Echo(), null))
                .function("Push", new FunctionDefinition.Instance(new WebSocketHandlers.Push(), null))
                .build());
        WebSocketClient first = WebSocketClient.connect(server.webSocketUri());
        WebSocketClient second = WebSocketClient.connect(server.webSocketUri());
        first.send("hello");
        assertThat(first.nextFrame()).isEqualTo("echo: hello");

        server.close();

        assertThat(first.awaitClose()).isEqualTo(1001);
        assertThat(second.awaitClose()).isEqualTo(1001);
        assertThat(disconnect.events).hasSize(2).allSatisfy(event -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
            assertThat(context).containsEntry("eventType", "DISCONNECT").containsEntry("disconnectStatusCode", 1001)
                    .containsEntry("disconnectReason", "Going away");
        });
    }

    /** One GET over a raw socket, the whole answer as text (the server closes or the length is reached). */
    private static String rawGet(int port, String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connecting fails once the listening socket is closed; bounded at 20 s. */
    private static void awaitRefused(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 400; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("port " + port + " still accepted connections 20 s after close() began");
    }

    /** Keeps every $disconnect event it is given. */
    public static class RecordingDisconnect implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            events.add(event);
            return Map.of("statusCode", 200);
        }
    }
}
