package dev.apigw.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.java.FunctionSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code provided} function: a bootstrap script that runs a single-file Java program speaking the Runtime API with
 * the JDK's HTTP client (so the test needs nothing but the JDK).
 */
class ProvidedRuntimeTest {
    private static final String BOOTSTRAP_JAVA = """
            import java.net.URI;
            import java.net.http.*;
            public class Bootstrap {
                public static void main(String[] args) throws Exception {
                    String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
                    HttpClient http = HttpClient.newHttpClient();
                    if (System.getenv("FAIL_INIT") != null) {
                        http.send(HttpRequest.newBuilder(URI.create(api + "init/error"))
                                .header("Lambda-Runtime-Function-Error-Type", "Runtime.ConfigError")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\\"errorMessage\\":\\"missing TABLE\\",\\"errorType\\":\\"ConfigError\\"}"))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        System.exit(1);
                    }
                    while (true) {
                        HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(api + "invocation/next"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                        String event = next.body();
                        System.out.println("handling " + id);
                        if (event.contains("exit")) {
                            System.exit(3);
                        }
                        if (event.contains("sleep")) {
                            Thread.sleep(60_000);
                        }
                        boolean fail = event.contains("fail");
                        String body = fail
                                ? "{\\"errorMessage\\":\\"asked to fail\\",\\"errorType\\":\\"Failure\\"}"
                                : "{\\"event\\":" + event + ",\\"greeting\\":\\"" + System.getenv("GREETING")
                                        + "\\",\\"function\\":\\"" + System.getenv("AWS_LAMBDA_FUNCTION_NAME")
                                        + "\\",\\"handler\\":\\"" + System.getenv("_HANDLER")
                                        + "\\",\\"taskRoot\\":\\"" + System.getenv("LAMBDA_TASK_ROOT")
                                        + "\\",\\"deadline\\":" + next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()
                                        + ",\\"arn\\":\\"" + next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow()
                                        + "\\"}";
                        HttpRequest.Builder post = HttpRequest.newBuilder(
                                URI.create(api + "invocation/" + id + (fail ? "/error" : "/response")))
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                        if (fail) {
                            post.header("Lambda-Runtime-Function-Error-Type", "Failure");
                        }
                        http.send(post.build(), HttpResponse.BodyHandlers.discarding());
                    }
                }
            }
            """;

    @TempDir
    Path code;

    @Test
    void theBootstrapGetsTheEventAndItsEnvironmentAndItsResponseIsReturned() throws Exception {
        writeBootstrap();
        try (RuntimeApiFunction function = RuntimeApiFunction.start(settings(Map.of("GREETING", "hello")),
                "provided", code)) {
            String first = success(function.invoke(bytes("{\"n\":1}"), InvocationOptions.of("req-1", "Echo")));
            String second = success(function.invoke(bytes("{\"n\":2}"), InvocationOptions.of("req-2", "Echo")));

            assertThat(first).contains("\"event\":{\"n\":1}", "\"greeting\":\"hello\"", "\"function\":\"Echo\"",
                    "\"handler\":\"echo.handler\"", "\"taskRoot\":\"" + code.toRealPath(),
                    "\"arn\":\"arn:aws:lambda:us-east-1:000000000000:function:Echo\"");
            assertThat(second).contains("\"event\":{\"n\":2}");
        }
    }

    @Test
    void anErrorPostedByTheRuntimeIsTheFunctionError() throws Exception {
        writeBootstrap();
        try (RuntimeApiFunction function = RuntimeApiFunction.start(settings(Map.of()), "provided", code)) {
            InvocationResult result = function.invoke(bytes("{\"fail\":true}"), InvocationOptions.of("req-1", "Echo"));

            assertThat(result).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error -> {
                assertThat(error.errorType()).isEqualTo("Failure");
                assertThat(error.errorMessage()).isEqualTo("asked to fail");
                assertThat(error.payloadAsString())
                        .isEqualTo("{\"errorMessage\":\"asked to fail\",\"errorType\":\"Failure\"}");
            });
            // The environment survives a function error.
            assertThat(success(function.invoke(bytes("{}"), InvocationOptions.of("req-2", "Echo")))).contains("{}");
        }
    }

    @Test
    void aTimeoutIsSandboxTimedoutAndTheNextInvocationGetsAFreshProcess() throws Exception {
        writeBootstrap();
        FunctionSettings settings = settings(Map.of()).withTimeout(Duration.ofSeconds(1));
        try (RuntimeApiFunction function = RuntimeApiFunction.start(settings, "provided", code)) {
            InvocationResult result = function.invoke(bytes("{\"sleep\":true}"), InvocationOptions.of("req-1", "Echo"));

            assertThat(result).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error ->
                    assertThat(error.payloadAsString()).isEqualTo("{\"errorType\":\"Sandbox.Timedout\","
                            + "\"errorMessage\":\"RequestId: req-1 Error: Task timed out after 1.00 seconds\"}"));
            assertThat(success(function.invoke(bytes("{}"), InvocationOptions.of("req-2", "Echo")))).contains("{}");
        }
    }

    @Test
    void aRuntimeThatExitsIsARuntimeExitError() throws Exception {
        writeBootstrap();
        try (RuntimeApiFunction function = RuntimeApiFunction.start(settings(Map.of()), "provided", code)) {
            InvocationResult result = function.invoke(bytes("{\"exit\":true}"), InvocationOptions.of("req-1", "Echo"));

            assertThat(result).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error ->
                    assertThat(error.payloadAsString()).isEqualTo("{\"errorType\":\"Runtime.ExitError\","
                            + "\"errorMessage\":\"RequestId: req-1 Error: Runtime exited with error: exit status 3\"}"));
            assertThat(success(function.invoke(bytes("{}"), InvocationOptions.of("req-2", "Echo")))).contains("{}");
        }
    }

    @Test
    void anInitErrorFailsTheInvocationWithTheErrorTheRuntimePosted() throws Exception {
        writeBootstrap();
        try (RuntimeApiFunction function = RuntimeApiFunction.start(settings(Map.of("FAIL_INIT", "1")),
                "provided", code)) {
            InvocationResult result = function.invoke(bytes("{}"), InvocationOptions.of("req-1", "Echo"));

            assertThat(result).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error -> {
                assertThat(error.errorType()).isEqualTo("ConfigError");
                assertThat(error.payloadAsString())
                        .isEqualTo("{\"errorMessage\":\"missing TABLE\",\"errorType\":\"ConfigError\"}");
            });
        }
    }

    @Test
    void aMissingOrNonExecutableBootstrapFailsAtStartup() throws Exception {
        assertThatThrownBy(() -> RuntimeApiFunction.start(settings(Map.of()), "provided", code))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageContaining("bootstrap does not exist");
        Files.writeString(code.resolve("bootstrap"), "#!/bin/sh\n");
        assertThatThrownBy(() -> RuntimeApiFunction.start(settings(Map.of()), "provided", code))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageContaining("is not executable; run chmod +x");
    }

    private void writeBootstrap() throws Exception {
        Files.writeString(code.resolve("Bootstrap.java"), BOOTSTRAP_JAVA);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path bootstrap = code.resolve("bootstrap");
        Files.writeString(bootstrap, "#!/bin/sh\nexec '" + java + "' Bootstrap.java\n");
        Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static FunctionSettings settings(Map<String, String> environment) {
        return FunctionSettings.defaults("Echo").withHandler("echo.handler").withEnvironment(environment)
                .withTimeout(Duration.ofSeconds(20));
    }

    private static String success(InvocationResult result) {
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        return result.payloadAsString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
