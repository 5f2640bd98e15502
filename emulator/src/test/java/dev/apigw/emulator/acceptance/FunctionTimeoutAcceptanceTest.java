package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP server runs in-process handlers on the request's own thread; a timeout must still answer the client on
 * time, while that thread is held by the handler, and leave the server serving.
 */
class FunctionTimeoutAcceptanceTest {
    private final HeldHandler slow = new HeldHandler();
    private final HeldHandler slowFunction = new HeldHandler();

    @RegisterExtension
    final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
            .withFunction("Echo", new EchoHandler())
            .withFunction("Result", slowFunction, Duration.ofMillis(300))
            .withFunction("Slow", slow)
            .withStageVariable("backend", "http://127.0.0.1:9");

    @AfterEach
    void release() {
        slow.release.countDown();
        slowFunction.release.countDown();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(gateway.uri(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return gateway.httpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_integration_timeout_answers_504_while_the_handler_still_holds_the_request_thread() throws Exception {
        HttpResponse<String> response = get("/slow");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        // The 504's clock starts before the handler is entered, so on a busy machine the answer can come first.
        assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.returned.getCount()).as("the handler is still running").isOne();
        // The connection stays busy until the handler returns, so the client is told not to reuse it.
        assertThat(response.headers().firstValue("connection")).hasValue("close");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void the_function_timeout_answers_with_lambdas_error_and_the_server_goes_on_serving() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/result"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(gateway.invocations("Result")).singleElement()
                .satisfies(call -> assertThat(call.errorType()).isEqualTo("Sandbox.Timedout"));
        // The function's timeout is logged before the 502 goes out, so the journal's entry has its lines.
        assertThat(gateway.journal().entries()).singleElement().satisfies(entry -> assertThat(entry.logLines())
                .anySatisfy(line -> assertThat(line).endsWith("Task timed out after 0.30 seconds"))
                .anySatisfy(line -> assertThat(line).startsWith("REPORT RequestId:")));
        // The timed-out handler was interrupted: it returns, and its thread serves the next requests unharmed.
        assertThat(slowFunction.returned.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(get("/items/" + i).statusCode()).isEqualTo(200);
        }
    }

    /** Holds its request until released or interrupted. */
    public static final class HeldHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                returned.countDown();
            }
            return Map.of("statusCode", 200, "body", "late");
        }
    }
}
