package dev.apigw.emulator.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.model.ApiType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Invoke API on the gateway's port while {@code --watch} swaps the gateway: calls finish on the old one. */
class InvokeApiWatchTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    /** Waits until the test lets it finish; reports an interrupt, which closing its gateway would cause. */
    public static final class Waiting implements RequestHandler<Object, String> {
        @Override
        public String handleRequest(Object event, Context context) {
            STARTED.countDown();
            try {
                return RELEASE.await(DEADLINE.toSeconds(), TimeUnit.SECONDS) ? "done" : "not released";
            } catch (InterruptedException e) {
                return "interrupted";
            }
        }
    }

    @Test
    void an_invoke_api_call_running_while_the_spec_is_reloaded_finishes_on_the_old_functions() throws Exception {
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), spec(route("/w", "Waiting")));
        try (GatewayServer server = GatewayServer.start(GatewayConfig.builder().spec(spec).apiType(ApiType.HTTP)
                .port(0).function("Waiting", new FunctionDefinition.Instance(new Waiting(), null))
                .function("Ok", new FunctionDefinition.Instance((LambdaFunction) (payload, options) ->
                        new InvocationResult.Success("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8)), null))
                .watchSpec(true).build())) {
            HttpRequest invoke = HttpRequest.newBuilder(URI.create(server.rootUri()
                            + "/2015-03-31/functions/Waiting/invocations"))
                    .header("X-Amz-Invocation-Type", "RequestResponse")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            CompletableFuture<HttpResponse<String>> call =
                    client.sendAsync(invoke, HttpResponse.BodyHandlers.ofString());
            assertThat(STARTED.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            Files.writeString(spec, spec(route("/w", "Waiting") + route("/b", "Ok")));
            assertThat(awaitStatus(server, "/b")).isEqualTo(200);
            RELEASE.countDown();

            HttpResponse<String> response = call.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
            assertThat(response.body()).isEqualTo("\"done\"");
        }
    }

    private int awaitStatus(GatewayServer server, String path) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int status = get(server, path);
        while (status == 404 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = get(server, path);
        }
        return status;
    }

    private int get(GatewayServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
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
}
