package dev.apigw.emulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.SpecSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java handler compiled by the test into a code directory and run out of process by AWS's runtime interface client
 * (runtime java17), called through a running gateway.
 */
class JavaRuntimeGatewayTest {
    private static final String HANDLER = """
            package example;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.Map;
            public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                    String path = String.valueOf(event.get("rawPath"));
                    if (path.endsWith("/fail")) {
                        throw new IllegalStateException("no pets today");
                    }
                    if (path.endsWith("/slow")) {
                        try { Thread.sleep(60_000); } catch (InterruptedException e) { }
                    }
                    return Map.of("statusCode", 200, "body", "table=" + System.getenv("TABLE")
                            + " function=" + context.getFunctionName() + " pid=" + ProcessHandle.current().pid());
                }
            }
            """;
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: out-of-process, version: "1"}
            paths:
              /{proxy+}:
                get:
                  parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Hello/invocations
            """;

    @TempDir
    static Path code;
    private static GatewayServer gateway;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path source = code.resolve("src/example/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, HANDLER);
        String coreJar = Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "--release", "17", "-cp", coreJar, "-d", code.toString(), source.toString());
        assertThat(status).isZero();
        GatewayConfig config = GatewayConfig.builder()
                .spec(SpecSource.text("out-of-process.yaml", SPEC))
                .port(0)
                .function("Hello", new FunctionDefinition.OutOfProcess("example.Hello::handleRequest", "java17", code,
                        Duration.ofSeconds(3), 256))
                .functionEnvironment("Hello", "TABLE", "pets")
                .build();
        gateway = GatewayServer.start(config);
        long started = System.nanoTime();
        HttpResponse<String> first = get("/hello");
        // The cold start of the out-of-process function, reported, not asserted.
        System.out.printf("out-of-process java17 first request: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(first.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theHandlerRunsInAProcessWithItsEnvironment() throws Exception {
        HttpResponse<String> response = get("/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("table=pets function=Hello pid=")
                .isNotEqualTo("table=pets function=Hello pid=" + ProcessHandle.current().pid());
    }

    @Test
    void aThrownExceptionIsAFunctionErrorAndTheHttpApiAnswers500() throws Exception {
        HttpResponse<String> response = get("/fail");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void aTimeoutIsAnErrorAndTheFunctionKeepsServing() throws Exception {
        HttpResponse<String> slow = get("/slow");
        HttpResponse<String> after = get("/hello");

        assertThat(slow.statusCode()).isEqualTo(500);
        assertThat(after.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + gateway.port() + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
