package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.FunctionConfig;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.SpecSource;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A function loaded by handler class, with reserved concurrency, behind a REST and an HTTP API over HTTP: concurrent
 * requests run on instances of their own, idle instances are reused, and a request over the reservation gets what API
 * Gateway answers when Lambda throttles.
 */
class FunctionConcurrencyAcceptanceTest {

    private static final String REST_SPEC = """
            openapi: 3.0.1
            info: {title: concurrency, version: "1"}
            paths:
              /work:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Work/invocations
            """;
    private static final String HTTP_SPEC = REST_SPEC.replace("httpMethod: POST", "httpMethod: POST\n"
            + "        payloadFormatVersion: \"2.0\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private GatewayServer server;

    /**
     * Waits at the gate when the query says {@code wait=true}, then answers which instance ran and how many
     * invocations it has served. Loaded by class name, so the gateway creates its instances.
     */
    public static class GatedWork implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        static volatile Semaphore arrived = new Semaphore(0);
        static volatile CountDownLatch open = new CountDownLatch(1);
        private static final AtomicInteger INSTANCES = new AtomicInteger();

        private final int instance = INSTANCES.incrementAndGet();
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object query = event.get("queryStringParameters");
            if (query instanceof Map<?, ?> parameters && "true".equals(parameters.get("wait"))) {
                arrived.release();
                try {
                    open.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Map.of("statusCode", 200, "body", instance + "/" + calls.incrementAndGet());
        }
    }

    @BeforeEach
    void closeTheGate() {
        GatedWork.arrived = new Semaphore(0);
        GatedWork.open = new CountDownLatch(1);
    }

    @AfterEach
    void stop() {
        GatedWork.open.countDown();
        if (server != null) {
            server.close();
        }
    }

    private void start(String spec, ApiType apiType, int reservedConcurrency) {
        server = GatewayServer.start(GatewayConfig.builder()
                .spec(SpecSource.text("concurrency.yaml", spec))
                .apiType(apiType)
                .port(0)
                .function("Work", FunctionDefinition.HandlerClass.of(GatedWork.class.getName()))
                .functionConfig("Work", new FunctionConfig(null, null, reservedConcurrency))
                .build());
    }

    private CompletableFuture<HttpResponse<String>> get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(server.uri(pathAndQuery)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String instanceOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().substring(0, response.body().indexOf('/'));
    }

    @Test
    void rest_api_answers_500_internal_server_error_when_the_function_is_throttled() throws Exception {
        start(REST_SPEC, ApiType.REST, 1);
        CompletableFuture<HttpResponse<String>> blocked = get("/work?wait=true");
        assertThat(GatedWork.arrived.tryAcquire(1, 10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> throttled = get("/work").get(10, TimeUnit.SECONDS);

        assertThat(throttled.statusCode()).isEqualTo(500);
        assertThat(throttled.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
        GatedWork.open.countDown();
        assertThat(blocked.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void http_api_answers_500_internal_server_error_when_the_function_is_throttled() throws Exception {
        start(HTTP_SPEC, ApiType.HTTP, 1);
        CompletableFuture<HttpResponse<String>> blocked = get("/work?wait=true");
        assertThat(GatedWork.arrived.tryAcquire(1, 10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> throttled = get("/work").get(10, TimeUnit.SECONDS);

        assertThat(throttled.statusCode()).isEqualTo(500);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        GatedWork.open.countDown();
        assertThat(blocked.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrent_requests_run_on_different_instances_which_are_then_reused() throws Exception {
        start(REST_SPEC, ApiType.REST, 2);
        CompletableFuture<HttpResponse<String>> first = get("/work?wait=true");
        CompletableFuture<HttpResponse<String>> second = get("/work?wait=true");
        assertThat(GatedWork.arrived.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();

        GatedWork.open.countDown();
        String one = instanceOf(first.get(10, TimeUnit.SECONDS));
        String other = instanceOf(second.get(10, TimeUnit.SECONDS));
        HttpResponse<String> later = get("/work").get(10, TimeUnit.SECONDS);

        assertThat(one).isNotEqualTo(other);
        assertThat(instanceOf(later)).isIn(one, other);
        assertThat(later.body()).endsWith("/2");
    }
}
