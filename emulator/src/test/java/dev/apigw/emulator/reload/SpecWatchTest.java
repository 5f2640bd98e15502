package dev.apigw.emulator.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --watch} through the running server: the spec file is edited while apigw serves it. */
class SpecWatchTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private Path spec;
    private Path probeInitialized;
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        spec = Files.writeString(dir.resolve("openapi.yaml"), spec(route("/a", "Ok")));
        probeInitialized = dir.resolve("probe-initialized");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        HandlerSources.compile(classes, Map.of("reload.Probe", probe(probeInitialized)));
        LambdaFunction ok = (payload, options) -> new InvocationResult.Success(
                "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        server = GatewayServer.start(GatewayConfig.builder().spec(spec).apiType(ApiType.HTTP).port(0)
                .function("Ok", new FunctionDefinition.Instance(ok, null))
                .function("Probe", new FunctionDefinition.HandlerClass("reload.Probe", List.of(classes),
                        null, null))
                .watchSpec(true).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_route_added_to_the_spec_is_served_without_a_restart() throws Exception {
        assertThat(get("/b").statusCode()).isEqualTo(404);

        Files.writeString(spec, spec(route("/a", "Ok") + route("/b", "Ok")));

        assertThat(awaitStatus("/b", 200)).isEqualTo(200);
        assertThat(get("/a").statusCode()).isEqualTo(200);
    }

    @Test
    void an_edit_that_cannot_be_served_keeps_the_old_api_until_the_next_edit() throws Exception {
        Files.writeString(spec, "openapi: 3.0.1\npaths: [this is not an API definition\n");
        // Also unservable, and observable: it loads Probe (which notes it), then misses an unregistered function.
        Files.writeString(spec, spec(route("/a", "Ok") + route("/b", "Probe") + route("/c", "Unregistered")));

        awaitFile(probeInitialized);
        assertThat(get("/a").statusCode()).isEqualTo(200);
        assertThat(get("/b").statusCode()).isEqualTo(404);

        Files.writeString(spec, spec(route("/a", "Ok") + route("/b", "Ok")));

        assertThat(awaitStatus("/b", 200)).isEqualTo(200);
    }

    private static String spec(String routes) {
        return "openapi: 3.0.1\ninfo: {title: watched, version: \"1\"}\npaths:\n" + routes;
    }

    private static String route(String path, String function) {
        return """
                  %s:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        payloadFormatVersion: "2.0"
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:%s/invocations
                """.formatted(path, function);
    }

    private static String probe(Path initialized) {
        return """
                package reload;

                public class Probe implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "loaded");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    @Override
                    public String handleRequest(Object event, com.amazonaws.services.lambda.runtime.Context context) {
                        return "probe";
                    }
                }
                """.formatted(initialized.toString().replace("\\", "\\\\"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until {@code path} answers {@code expected}, or the deadline passes; returns the last status. */
    private int awaitStatus(String path, int expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int status = get(path).statusCode();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = get(path).statusCode();
        }
        return status;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }
}
