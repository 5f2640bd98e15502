package dev.apigw.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Runtime API over HTTP, with this test as the runtime. */
class RuntimeApiServerTest {
    private final RuntimeApiState state = new RuntimeApiState();
    private final RuntimeApiServer server = RuntimeApiServer.start("Probe", state);
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void nextDeliversTheEventWithLambdasHeadersAndResponseIsAccepted() throws Exception {
        CompletableFuture<RuntimeOutcome> outcome = state.submit(invocation("req-1", "{\"a\":1}"));

        HttpResponse<String> next = get("/2018-06-01/runtime/invocation/next");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"a\":1}");
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).hasValue("req-1");
        assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).hasValue("1700000000000");
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .hasValue("arn:aws:lambda:us-east-1:000000000000:function:Probe");
        assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id")).hasValue("Root=1-abc");
        assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context")).isEmpty();

        HttpResponse<String> response = post("/2018-06-01/runtime/invocation/req-1/response", "\"done\"", null);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}\n");
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(RuntimeOutcome.Response.class,
                r -> assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("\"done\""));
    }

    @Test
    void answersForAnotherRequestIdAreRefusedWithInvalidRequestId() throws Exception {
        state.submit(invocation("req-1", "{}"));
        get("/2018-06-01/runtime/invocation/next");

        HttpResponse<String> response = post("/2018-06-01/runtime/invocation/other/response", "{}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}\n");
    }

    @Test
    void aSecondAnswerIsAnInvalidStateTransition() throws Exception {
        state.submit(invocation("req-1", "{}"));
        get("/2018-06-01/runtime/invocation/next");
        post("/2018-06-01/runtime/invocation/req-1/response", "{}", null);

        HttpResponse<String> again = post("/2018-06-01/runtime/invocation/req-1/error", "{}", "Oops");

        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).isEqualTo("{\"errorMessage\":\"State transition from RuntimeResponseSentState to "
                + "InvocationErrorResponse failed for runtime. Error: State transition is not allowed\","
                + "\"errorType\":\"InvalidStateTransition\"}\n");
    }

    @Test
    void anErrorCarriesTheErrorTypeHeader() throws Exception {
        CompletableFuture<RuntimeOutcome> outcome = state.submit(invocation("req-1", "{}"));
        get("/2018-06-01/runtime/invocation/next");

        HttpResponse<String> error = post("/2018-06-01/runtime/invocation/req-1/error",
                "{\"errorMessage\":\"boom\",\"errorType\":\"Oops\"}", "Oops");

        assertThat(error.statusCode()).isEqualTo(202);
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(RuntimeOutcome.FunctionError.class,
                e -> assertThat(e.errorType()).isEqualTo("Oops"));
    }

    @Test
    void initErrorIsAcceptedBeforeTheFirstNextAndRefusedAfterIt() throws Exception {
        HttpResponse<String> initError = post("/2018-06-01/runtime/init/error",
                "{\"errorMessage\":\"no config\",\"errorType\":\"Init\"}", "Runtime.Unknown");

        assertThat(initError.statusCode()).isEqualTo(202);
        assertThat(state.initialized().get(5, TimeUnit.SECONDS)).get()
                .isInstanceOf(RuntimeOutcome.InitError.class);
        HttpResponse<String> next = get("/2018-06-01/runtime/invocation/next");
        assertThat(next.statusCode()).isEqualTo(403);
        assertThat(next.body()).contains("State transition from InitError to Ready failed for runtime");
    }

    @Test
    void initErrorAfterInitIsAnInvalidStateTransition() throws Exception {
        state.submit(invocation("req-1", "{}"));
        get("/2018-06-01/runtime/invocation/next");

        HttpResponse<String> initError = post("/2018-06-01/runtime/init/error", "{}", "Runtime.Unknown");

        assertThat(initError.statusCode()).isEqualTo(403);
        assertThat(initError.body()).contains("State transition from Ready to InitError failed for runtime");
    }

    private static RuntimeInvocation invocation(String requestId, String payload) {
        return new RuntimeInvocation(requestId, payload.getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L,
                "arn:aws:lambda:us-east-1:000000000000:function:Probe", "Root=1-abc");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://" + server.address() + path);
    }
}
