package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Access logs written by a running gateway, read back from the file after each answered request. */
class AccessLogAcceptanceTest {
    /** Written before the response leaves the gateway, so it is complete once the client has the answer. */
    @TempDir
    static Path logs;

    private static String lastLine(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        return lines.get(lines.size() - 1);
    }

    private static HttpResponse<String> get(ApiGatewayExtension gateway, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class RestApiClf {
        final Path file = logs.resolve("rest-clf.log");

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", "http://127.0.0.1:9")
                .withAccessLog("clf", file);

        @Test
        void a_request_is_logged_in_the_console_clf_with_the_ids_the_client_received() throws Exception {
            HttpResponse<String> response = get(gateway, "/items/7", "User-Agent", "access-log-test");

            String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
            String extendedId = response.headers().firstValue("x-amz-apigw-id").orElseThrow();
            int length = response.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(lastLine(file)).matches("127\\.0\\.0\\.1 - - "
                    + "\\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000]"
                    + "\"GET /items/\\{id} HTTP/1\\.1\" 200 " + length + " " + requestId + " \\Q" + extendedId + "\\E");
        }

        @Test
        void a_path_no_resource_takes_is_logged_with_dashes_for_the_resource() throws Exception {
            HttpResponse<String> response = get(gateway, "/nowhere");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(lastLine(file)).contains("\"GET - HTTP/1.1\" 403 " + response.body().length() + " "
                    + response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        }
    }

    @Nested
    class RestApiCustomFormat {
        final Path file = logs.resolve("rest-custom.log");

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", "http://127.0.0.1:9")
                .withAccessLog("$context.requestId $context.httpMethod $context.path $context.status"
                        + " $context.error.responseType $context.error.messageString $context.integrationStatus", file);

        @Test
        void a_gateway_error_fills_the_error_variables() throws Exception {
            HttpResponse<String> response = get(gateway, "/nowhere");

            assertThat(lastLine(file)).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                    + " GET " + gateway.baseUri().getPath() + "/nowhere 403 MISSING_AUTHENTICATION_TOKEN"
                    + " \"Missing Authentication Token\" -");
        }

        @Test
        void an_answered_request_has_no_error_and_lambda_answered_the_integration() throws Exception {
            HttpResponse<String> response = get(gateway, "/echo");

            assertThat(lastLine(file)).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                    + " GET " + gateway.baseUri().getPath() + "/echo 200 - - 200");
        }
    }

    @Nested
    class RestApiValidation {
        final Path file = logs.resolve("rest-validation.log");

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-validation.yaml")
                .withFunction("Pets", (dev.apigw.lambda.LambdaFunction) (payload, options) ->
                        new dev.apigw.lambda.InvocationResult.Success("{\"statusCode\":201}".getBytes()))
                .withAccessLog("$context.requestId $context.status $context.error.responseType"
                        + " $context.error.validationErrorString", file);

        @Test
        void a_refused_body_logs_the_validation_error_string() throws Exception {
            HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri(
                    "/pets?dryRun=no")).header("Content-Type", "application/json").header("x-tenant", "t1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"age\":\"old\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(lastLine(file)).startsWith(response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                    + " 400 BAD_REQUEST_BODY [").contains("name");
        }

        @Test
        void an_accepted_request_logs_a_dash() throws Exception {
            HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri(
                    "/pets?dryRun=no")).header("Content-Type", "application/json").header("x-tenant", "t1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rex\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(lastLine(file)).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                    + " 201 - -");
        }
    }

    @Nested
    class HttpApiJson {
        final Path file = logs.resolve("http-json.log");

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", "http://127.0.0.1:9")
                .withAccessLog("json", file);

        @Test
        void a_request_is_logged_in_the_console_json_with_the_route_key() throws Exception {
            HttpResponse<String> response = get(gateway, "/echo/7");

            String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
            String line = lastLine(file);
            assertThat(line)
                    .startsWith("{ \"requestId\":\"" + requestId + "\", \"ip\": \"127.0.0.1\", \"requestTime\":\"")
                    .endsWith("\", \"httpMethod\":\"GET\",\"routeKey\":\"GET /echo/{id}\", \"status\":\"200\","
                            + "\"protocol\":\"HTTP/1.1\", \"responseLength\":\""
                            + response.body().getBytes(StandardCharsets.UTF_8).length + "\","
                            + " \"extendedRequestId\": \"" + requestId + "\" }");
        }
    }

    @Nested
    class RestApiAuthorizer {
        static final LambdaFunction AUTH = (payload, options) -> new InvocationResult.Success(("{\"principalId\":"
                + "\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
                + "\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]},\"context\":{\"tier\":3}}")
                .getBytes(StandardCharsets.UTF_8));

        final Path file = logs.resolve("rest-authorizer.log");

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-authorizer.yaml")
                .withFunction("Auth", AUTH)
                .withFunction("Echo", new EchoHandler())
                .withAccessLog("$context.requestId $context.authorizer.principalId $context.authorizer.tier"
                        + " $context.status", file);

        @Test
        void the_authorizer_principal_and_context_are_logged() throws Exception {
            HttpResponse<String> response = get(gateway, "/secret", "Authorization", "allow");

            assertThat(lastLine(file)).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                    + " alice 3 200");
        }

        @Test
        void a_refused_request_has_no_principal() throws Exception {
            HttpResponse<String> response = get(gateway, "/secret");

            assertThat(lastLine(file)).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow()
                    + " - - 401");
        }
    }

    @Test
    void a_variable_the_api_type_does_not_log_stops_the_gateway_at_startup() {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("http-api.yaml"))
                .stageVariable("backend", "http://127.0.0.1:9")
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), null))
                .accessLog("$context.requestId $context.resourcePath", logs.resolve("never.log"))
                .build();

        assertThatThrownBy(() -> Gateway.create(config).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$context.resourcePath").hasMessageContaining("only REST APIs log it");
    }
}
