package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.RecordedInvocation;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.reload.HandlerSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers that throw, exit, loop, or return what API Gateway cannot use, loaded by handler class from a directory on
 * no other classpath (as {@code apigw start --classpath} loads them): through the running gateway, each request gets
 * AWS's answer, apigw's log names the function and the request id, and the gateway goes on serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenHandlersAcceptanceTest {
    /** Small enough that the size cases stay fast; the boundary is the same rule as at 6 MB. */
    private static final int RESPONSE_LIMIT = 65_536;
    private static final String RELEASE_PROPERTY = "broken.release";

    private static final String FAULTS = """
            package broken;
            import java.io.*;
            import java.util.*;
            public class Faults {
                public Map<String, Object> runtime(Map<String, Object> event) {
                    throw new IllegalStateException("boom");
                }
                public Map<String, Object> checked(Map<String, Object> event) throws IOException {
                    throw new IOException("disk gone");
                }
                public Map<String, Object> recursion(Map<String, Object> event) {
                    return recursion(event);
                }
                public Map<String, Object> memory(Map<String, Object> event) {
                    throw new OutOfMemoryError("Java heap space");
                }
                public Map<String, Object> initializer(Map<String, Object> event) {
                    return Map.of("statusCode", 200, "body", String.valueOf(Fragile.VALUE));
                }
                public Object nothing(Map<String, Object> event) {
                    return null;
                }
                public Object array(Map<String, Object> event) {
                    return List.of(1, 2);
                }
                public Object number(Map<String, Object> event) {
                    return 42;
                }
                public void text(InputStream in, OutputStream out) throws IOException {
                    out.write("hello, not JSON".getBytes("UTF-8"));
                }
                public void invalidUtf8(InputStream in, OutputStream out) throws IOException {
                    out.write("{\\"statusCode\\": 200, \\"body\\": \\"".getBytes("UTF-8"));
                    out.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
                    out.write("\\"}".getBytes("UTF-8"));
                }
                /** Writes 64 MB, far past the limit, a megabyte at a time. */
                public void huge(InputStream in, OutputStream out) throws IOException {
                    byte[] chunk = new byte[1 << 20];
                    Arrays.fill(chunk, (byte) 'a');
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                }
                /** A proxy result of exactly the size the query asks for. */
                public void sized(InputStream in, OutputStream out) throws IOException {
                    String event = new String(in.readAllBytes(), "UTF-8");
                    java.util.regex.Matcher size = java.util.regex.Pattern.compile("\\"size\\"\\\\s*:\\\\s*\\"(\\\\d+)\\"")
                            .matcher(event);
                    size.find();
                    String head = "{\\"statusCode\\":200,\\"body\\":\\"";
                    String tail = "\\"}";
                    int padding = Integer.parseInt(size.group(1)) - head.length() - tail.length();
                    out.write((head + "a".repeat(padding) + tail).getBytes("UTF-8"));
                }
            }
            """;

    private static final String FRAGILE = """
            package broken;
            class Fragile {
                static final int VALUE = compute();
                private static int compute() {
                    throw new IllegalStateException("no configuration");
                }
            }
            """;

    private static final String EXITS = """
            package broken;
            import java.util.*;
            import java.util.function.IntConsumer;
            public class Exits {
                private int calls; // per environment: a fresh one starts at 1
                public Map<String, Object> handleRequest(Map<String, Object> event) {
                    calls++;
                    Object query = event.get("queryStringParameters");
                    String how = query instanceof Map<?, ?> map ? (String) map.get("how") : null;
                    if ("system".equals(how)) System.exit(1);
                    if ("runtime".equals(how)) Runtime.getRuntime().exit(2);
                    if ("halt".equals(how)) Runtime.getRuntime().halt(3);
                    if ("zero".equals(how)) System.exit(0);
                    if ("reference".equals(how)) {
                        IntConsumer exit = System::exit;
                        exit.accept(4);
                    }
                    return Map.of("statusCode", 200, "body", "calls in this environment: " + calls);
                }
            }
            """;

    private static final String SPIN = """
            package broken;
            import java.util.*;
            public class Spin {
                public Map<String, Object> handleRequest(Map<String, Object> event) {
                    Object query = event.get("queryStringParameters");
                    if (query instanceof Map<?, ?> map && map.containsKey("spin")) {
                        long deadline = System.nanoTime() + 60_000_000_000L;
                        while (System.getProperty("broken.release") == null && System.nanoTime() < deadline) {
                            waitAWhile();
                        }
                    }
                    return Map.of("statusCode", 200, "body", "done");
                }
                private static void waitAWhile() {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ignored) {
                        // A handler that ignores its interrupt, as a careless loop does.
                    }
                }
            }
            """;

    /** Function name → handler, for the REST API's {@code /fn/<name>} routes. */
    private static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

    static {
        for (String method : List.of("runtime", "checked", "recursion", "memory", "initializer", "nothing", "array",
                "number", "text", "invalidUtf8", "huge", "sized")) {
            FUNCTIONS.put(method, "broken.Faults::" + method);
        }
        FUNCTIONS.put("exits", "broken.Exits::handleRequest");
        FUNCTIONS.put("spin", "broken.Spin::handleRequest");
    }

    @TempDir
    static Path workDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private GatewayServer rest;
    private GatewayServer httpApi;

    @BeforeAll
    void start() throws Exception {
        System.clearProperty(RELEASE_PROPERTY);
        Path classes = compile(Map.of("broken.Faults", FAULTS, "broken.Fragile", FRAGILE, "broken.Exits", EXITS,
                "broken.Spin", SPIN));
        // apigw logs through slf4j-simple to standard error; keep showing it, and keep a copy to read.
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
        rest = GatewayServer.start(config(classes, "rest.yaml", restSpec()).build());
        httpApi = GatewayServer.start(config(classes, "http.yaml", httpSpec()).build());
    }

    @AfterAll
    void stop() {
        System.setProperty(RELEASE_PROPERTY, "true"); // lets the stuck handlers end
        if (rest != null) {
            rest.close();
        }
        if (httpApi != null) {
            httpApi.close();
        }
        if (originalErr != null) {
            System.setErr(originalErr);
        }
    }

    private GatewayConfig.Builder config(Path classes, String file, String spec) throws Exception {
        GatewayConfig.Builder builder = GatewayConfig.builder()
                .spec(Files.writeString(workDir.resolve(file), spec))
                .port(0)
                .requestLimits(new RequestLimits(RequestLimits.AWS_PAYLOAD_BYTES, RESPONSE_LIMIT,
                        RequestLimits.AWS_HEADER_BYTES, RequestLimits.AWS_URL_CHARS));
        for (Map.Entry<String, String> function : FUNCTIONS.entrySet()) {
            Duration timeout = function.getKey().equals("spin") ? Duration.ofSeconds(1) : null;
            builder.function(function.getKey(),
                    new FunctionDefinition.HandlerClass(function.getValue(), List.of(classes), timeout, null));
        }
        return builder;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Exceptions {
        @Test
        void a_runtime_exception_is_a_502_and_the_log_names_function_and_request() throws Exception {
            HttpResponse<String> response = get(rest, "/fn/runtime");

            assertInternalServerError(response);
            assertThat(lastCall("runtime").errorType()).isEqualTo("java.lang.IllegalStateException");
            assertLogged("[" + requestId(response) + "] Lambda execution failed due to customer function error in"
                    + " runtime: java.lang.IllegalStateException: boom");
        }

        @Test
        void a_checked_exception_is_a_502() throws Exception {
            HttpResponse<String> response = get(rest, "/fn/checked");

            assertInternalServerError(response);
            assertThat(lastCall("checked").response()).contains("\"errorMessage\":\"disk gone\"")
                    .contains("\"errorType\":\"java.io.IOException\"");
            assertLogged("[" + requestId(response) + "] Lambda execution failed due to customer function error in"
                    + " checked: java.io.IOException: disk gone");
        }

        @Test
        void a_stack_overflow_is_a_502_and_the_next_request_is_served() throws Exception {
            HttpResponse<String> response = get(rest, "/fn/recursion");

            assertInternalServerError(response);
            assertThat(lastCall("recursion").errorType()).isEqualTo("java.lang.StackOverflowError");
            assertLogged("[" + requestId(response) + "] Lambda execution failed due to customer function error in"
                    + " recursion: java.lang.StackOverflowError");
            assertThat(get(rest, "/fn/exits").statusCode()).as("the gateway goes on").isEqualTo(200);
        }

        @Test
        void an_out_of_memory_error_thrown_by_the_handler_is_a_502() throws Exception {
            HttpResponse<String> response = get(rest, "/fn/memory");

            assertInternalServerError(response);
            assertThat(lastCall("memory").response())
                    .contains("\"errorMessage\":\"Java heap space\",\"errorType\":\"java.lang.OutOfMemoryError\"");
            assertLogged("[" + requestId(response) + "] Lambda execution failed due to customer function error in"
                    + " memory: java.lang.OutOfMemoryError: Java heap space");
        }

        @Test
        void a_failing_static_initializer_fails_this_call_and_every_later_one_as_on_lambda() throws Exception {
            HttpResponse<String> first = get(rest, "/fn/initializer");
            HttpResponse<String> second = get(rest, "/fn/initializer");

            assertInternalServerError(first);
            assertInternalServerError(second);
            List<RecordedInvocation> calls = rest.gateway().invocations("initializer");
            assertThat(calls.get(calls.size() - 2).errorType()).isEqualTo("java.lang.ExceptionInInitializerError");
            assertThat(calls.get(calls.size() - 1).errorType()).isEqualTo("java.lang.NoClassDefFoundError");
            assertThat(calls.get(calls.size() - 1).response()).contains("Could not initialize class broken.Fragile");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Exits {
        @Test
        void system_exit_is_lambdas_exit_error_and_apigw_keeps_running_with_a_fresh_environment() throws Exception {
            get(rest, "/fn/exits?how=system"); // whatever ran before, the next environment is a fresh one
            assertThat(get(rest, "/fn/exits").body()).isEqualTo("calls in this environment: 1");
            HttpResponse<String> warm = get(rest, "/fn/exits");
            assertThat(warm.body()).as("a warm environment is reused").isEqualTo("calls in this environment: 2");

            HttpResponse<String> exit = get(rest, "/fn/exits?how=system");

            assertInternalServerError(exit);
            String requestId = requestId(exit);
            RecordedInvocation call = lastCall("exits");
            assertThat(call.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(call.response()).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
                    + requestId + " Error: Runtime exited with error: exit status 1\"}");
            assertLogged("[" + requestId + "] Lambda execution failed due to customer function error in exits:"
                    + " Runtime.ExitError: RequestId: " + requestId + " Error: Runtime exited with error: exit status 1");
            HttpResponse<String> next = get(rest, "/fn/exits");
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).as("the exited environment is gone").isEqualTo("calls in this environment: 1");
        }

        @Test
        void runtime_exit_halt_a_method_reference_and_status_zero_are_blocked_too() throws Exception {
            Map<String, String> expected = Map.of(
                    "runtime", "Runtime exited with error: exit status 2",
                    "halt", "Runtime exited with error: exit status 3",
                    "reference", "Runtime exited with error: exit status 4",
                    "zero", "Runtime exited without providing a reason");
            for (Map.Entry<String, String> how : expected.entrySet()) {
                HttpResponse<String> response = get(rest, "/fn/exits?how=" + how.getKey());

                assertInternalServerError(response);
                assertThat(lastCall("exits").response()).isEqualTo("{\"errorType\":\"Runtime.ExitError\","
                        + "\"errorMessage\":\"RequestId: " + requestId(response) + " Error: " + how.getValue() + "\"}");
            }
            assertThat(get(rest, "/fn/exits").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Loops {
        @Test
        void a_handler_that_ignores_its_interrupt_is_reported_stuck_and_the_function_serves_on() throws Exception {
            HttpResponse<String> response = get(rest, "/fn/spin?spin=1");

            assertInternalServerError(response);
            assertThat(lastCall("spin").errorType()).isEqualTo("Sandbox.Timedout");
            String requestId = requestId(response);
            awaitLogged("function spin (request " + requestId + ") timed out and was interrupted, but thread");
            assertThat(logText()).contains("in broken.Spin.waitAWhile(Spin.java:");
            HttpResponse<String> next = get(rest, "/fn/spin");
            assertThat(next.statusCode()).as("a fresh environment serves").isEqualTo(200);
            assertThat(next.body()).isEqualTo("done");
        }

        @Test
        void the_integration_timeout_answers_a_looping_handler_with_504() throws Exception {
            HttpResponse<String> response = get(rest, "/short/spin?spin=1");

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Outputs {
        @Test
        void null_non_json_arrays_numbers_and_invalid_utf8_are_malformed_proxy_responses() throws Exception {
            for (String function : List.of("nothing", "text", "array", "number", "invalidUtf8")) {
                HttpResponse<String> response = get(rest, "/fn/" + function);

                assertInternalServerError(response);
                assertLogged("[" + requestId(response) + "] Execution failed due to configuration error in function "
                        + function + ": Malformed Lambda proxy response");
            }
        }

        @Test
        void a_response_over_the_limit_is_lambdas_size_error() throws Exception {
            HttpResponse<String> response = get(rest, "/fn/huge");

            assertInternalServerError(response);
            RecordedInvocation call = lastCall("huge");
            assertThat(call.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(call.response()).isEqualTo("{\"errorType\":\"Function.ResponseSizeTooLarge\",\"errorMessage\":"
                    + "\"Response payload size exceeded maximum allowed payload size (" + RESPONSE_LIMIT + " bytes).\"}");
            assertLogged("[" + requestId(response) + "] Lambda execution failed due to customer function error in huge:"
                    + " Function.ResponseSizeTooLarge");
        }

        @Test
        void a_response_of_exactly_the_limit_passes_and_one_byte_more_does_not() throws Exception {
            HttpResponse<String> fits = get(rest, "/fn/sized?size=" + RESPONSE_LIMIT);
            HttpResponse<String> over = get(rest, "/fn/sized?size=" + (RESPONSE_LIMIT + 1));

            assertThat(fits.statusCode()).isEqualTo(200);
            assertThat(fits.body()).hasSize(RESPONSE_LIMIT - "{\"statusCode\":200,\"body\":\"\"}".length());
            assertInternalServerError(over);
            assertThat(lastCall("sized").errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HttpApi {
        @Test
        void function_errors_exits_and_oversized_or_non_json_output_are_500s() throws Exception {
            for (String path : List.of("/fn/runtime", "/fn/exits?how=system", "/fn/huge", "/fn/text",
                    "/fn/invalidUtf8")) {
                HttpResponse<String> response = get(httpApi, path);

                assertThat(response.statusCode()).as(path).isEqualTo(500);
                assertThat(response.body()).as(path).isEqualTo("{\"message\":\"Internal Server Error\"}");
                assertThat(logText()).as(path).contains("[" + requestId(response) + "] ");
            }
        }

        @Test
        void json_without_a_status_code_is_inferred_as_the_body() throws Exception {
            HttpResponse<String> array = get(httpApi, "/fn/array");

            assertThat(array.statusCode()).isEqualTo(200);
            assertThat(array.body()).isEqualTo("[1,2]");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class NonProxy {
        @Test
        void an_exit_is_matched_by_the_integration_responses_like_any_function_error() throws Exception {
            HttpResponse<String> exit = get(rest, "/custom?how=system");

            assertThat(exit.statusCode()).isEqualTo(500);
            assertThat(exit.body()).isEqualTo("{\"error\": \"Runtime.ExitError\"}");
            assertLogged("[" + requestId(exit) + "] Lambda execution failed with status 200 due to customer function"
                    + " error in exits: Runtime.ExitError");
            HttpResponse<String> ok = get(rest, "/custom");
            assertThat(ok.statusCode()).isEqualTo(200);
        }
    }

    private static String restSpec() {
        StringBuilder spec = new StringBuilder("""
                openapi: 3.0.1
                info: {title: broken handlers, version: "1"}
                paths:
                  /short/spin:
                    get:
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        timeoutInMillis: 300
                        uri: %s
                  /custom:
                    get:
                      responses:
                        "200": {description: ok}
                        "500": {description: exited}
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: %s
                        requestTemplates:
                          application/json: '{"queryStringParameters": {"how": "$input.params(''how'')"}}'
                        responses:
                          default:
                            statusCode: "200"
                          ".*Runtime exited.*":
                            statusCode: "500"
                            responseTemplates:
                              application/json: '{"error": "$input.path(''$.errorType'')"}'
                """.formatted(arn("spin"), arn("exits")));
        for (String function : FUNCTIONS.keySet()) {
            spec.append("""
                      /fn/%s:
                        get:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            httpMethod: POST
                            uri: %s
                    """.formatted(function, arn(function)));
        }
        return spec.toString();
    }

    private static String httpSpec() {
        StringBuilder spec = new StringBuilder("""
                openapi: 3.0.1
                info: {title: broken handlers, version: "1"}
                paths:
                """);
        for (String function : FUNCTIONS.keySet()) {
            spec.append("""
                      /fn/%s:
                        get:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            httpMethod: POST
                            payloadFormatVersion: "2.0"
                            uri: %s
                    """.formatted(function, arn(function)));
        }
        return spec.toString();
    }

    private static String arn(String function) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000"
                + ":function:" + function + "/invocations";
    }

    private HttpResponse<String> get(GatewayServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInternalServerError(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    private RecordedInvocation lastCall(String function) {
        List<RecordedInvocation> calls = rest.gateway().invocations(function);
        assertThat(calls).as("calls of " + function).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private String logText() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    private void assertLogged(String line) {
        assertThat(logText()).contains(line);
    }

    /** Waits (at most 10 s) for a line written from a timer thread. */
    private void awaitLogged(String line) throws InterruptedException {
        for (int i = 0; i < 200 && !logText().contains(line); i++) {
            Thread.sleep(50);
        }
        assertLogged(line);
    }

    private Path compile(Map<String, String> sources) throws Exception {
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        HandlerSources.compile(classes, sources);
        return classes;
    }

    /** Writes to standard error as before, and into the copy the tests read. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            synchronized (copy) {
                copy.write(b);
            }
            console.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            console.write(b, off, len);
        }
    }
}
