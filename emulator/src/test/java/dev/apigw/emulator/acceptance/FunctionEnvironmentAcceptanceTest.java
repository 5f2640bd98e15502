package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.emulator.EnvVarsFile;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.GatewayStartupException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two functions with the same code, loaded by handler class from a directory that is on no other classpath, configured
 * through a SAM env-vars file with conflicting values: through the running gateway, each reads its own with
 * {@code System.getenv}.
 */
class FunctionEnvironmentAcceptanceTest {
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: environments, version: "1"}
            paths:
              /pets:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:GetPet/invocations
              /owners:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:GetOwner/invocations
            """;

    private static final String HANDLER = """
            package envfn;
            import com.amazonaws.services.lambda.runtime.*;
            import java.util.*;
            public class Describe implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                private static final String TABLE_AT_INIT = System.getenv("TABLE");
                public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                    StringBuilder body = new StringBuilder("{");
                    for (String key : List.of("TABLE", "STAGE", "AWS_LAMBDA_FUNCTION_NAME", "HOME")) {
                        body.append('"').append(key).append("\\":\\"").append(System.getenv(key)).append("\\",");
                    }
                    body.append("\\"TABLE_AT_INIT\\":\\"").append(TABLE_AT_INIT).append("\\"}");
                    return Map.of("statusCode", 200, "headers", Map.of("content-type", "application/json"),
                            "body", body.toString());
                }
            }""";

    @TempDir
    static Path workDir;

    private static GatewayServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path classes = compileHandler();
        Path envVars = Files.writeString(workDir.resolve("env.json"), """
                {"Parameters": {"STAGE": "dev", "TABLE": "shared"},
                 "GetPet": {"TABLE": "pets"},
                 "GetOwner": {"TABLE": "owners"}}""");
        server = GatewayServer.start(config(classes, envVars).build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static GatewayConfig.Builder config(Path classes, Path envVars) throws Exception {
        GatewayConfig.Builder builder = GatewayConfig.builder()
                .spec(Files.writeString(workDir.resolve("api.yaml"), SPEC))
                .port(0)
                .function("GetPet", new FunctionDefinition.HandlerClass("envfn.Describe", List.of(classes), null, null))
                .function("GetOwner", new FunctionDefinition.HandlerClass("envfn.Describe", List.of(classes), null, null));
        EnvVarsFile.applyTo(envVars, builder);
        return builder;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void each_function_reads_its_own_value_of_the_same_variable() throws Exception {
        HttpResponse<String> pets = get("/pets");
        HttpResponse<String> owners = get("/owners");

        assertThat(pets.statusCode()).isEqualTo(200);
        assertThatJson(pets.body()).isEqualTo("{\"TABLE\":\"pets\",\"TABLE_AT_INIT\":\"pets\",\"STAGE\":\"dev\","
                + "\"AWS_LAMBDA_FUNCTION_NAME\":\"GetPet\",\"HOME\":\"null\"}");
        assertThatJson(owners.body()).isEqualTo("{\"TABLE\":\"owners\",\"TABLE_AT_INIT\":\"owners\",\"STAGE\":\"dev\","
                + "\"AWS_LAMBDA_FUNCTION_NAME\":\"GetOwner\",\"HOME\":\"null\"}");
    }

    @Test
    void requests_to_both_functions_at_once_each_get_their_own_value() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> pets = new ArrayList<>();
            List<Future<HttpResponse<String>>> owners = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pets.add(clients.submit((Callable<HttpResponse<String>>) () -> get("/pets")));
                owners.add(clients.submit((Callable<HttpResponse<String>>) () -> get("/owners")));
            }
            for (Future<HttpResponse<String>> response : pets) {
                assertThatJson(response.get().body()).node("TABLE").isEqualTo("pets");
            }
            for (Future<HttpResponse<String>> response : owners) {
                assertThatJson(response.get().body()).node("TABLE").isEqualTo("owners");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void a_reserved_key_in_the_env_vars_file_stops_the_gateway_from_starting() throws Exception {
        Path reserved = Files.writeString(workDir.resolve("reserved.json"), "{\"GetPet\": {\"AWS_REGION\": \"eu-west-1\"}}");
        GatewayConfig config = config(workDir.resolve("classes"), reserved).build();

        assertThatThrownBy(() -> GatewayServer.start(config).close())
                .isInstanceOf(GatewayStartupException.class)
                .satisfies(e -> assertThat(((GatewayStartupException) e).problems()).containsExactly(
                        "function GetPet configures the environment variable AWS_REGION, which Lambda reserves and"
                                + " rejects (InvalidParameterValueException); rename it in --env-vars, --function-env"
                                + " or the project file"));
    }

    private static Path compileHandler() throws Exception {
        Path source = workDir.resolve("src/envfn/Describe.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, HANDLER);
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null,
                "-d", classes.toString(), "-classpath", location(RequestHandler.class), source.toString());
        assertThat(exit).as("javac exit code").isZero();
        return classes;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
