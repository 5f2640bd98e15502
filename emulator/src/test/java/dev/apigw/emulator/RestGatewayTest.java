package dev.apigw.emulator;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.FailingHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.lambda.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST pipeline without a socket: routing, Lambda proxy, mock, gateway errors. */
class RestGatewayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        gateway = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("rest-api.yaml"))
                .stageVariable("backend", "http://127.0.0.1:9")
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), Duration.ofSeconds(5)))
                .build());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static GatewayResponse get(String path) {
        return gateway.handle(GatewayRequest.of("GET", path));
    }

    private static String eventOf(GatewayResponse response) throws Exception {
        return response.bodyAsString();
    }

    @Test
    void lambda_proxy_returns_the_handler_response_with_request_ids() {
        GatewayResponse response = get("/dev/echo");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).hasValue("application/json");
        assertThat(response.headers().first("x-amzn-RequestId")).get().asString().hasSize(36);
        assertThat(response.headers().first("x-amz-apigw-id")).isPresent();
    }

    @Test
    void handler_receives_the_rest_event_with_stage_prefixed_context_path() throws Exception {
        String event = eventOf(get("/dev/items/a%2Bb?x=1&x=2"));

        assertThatJson(event).node("resource").isEqualTo("/items/{id}");
        assertThatJson(event).node("path").isEqualTo("/items/a%2Bb");
        assertThatJson(event).node("pathParameters").isEqualTo("{\"id\":\"a%2Bb\"}");
        assertThatJson(event).node("queryStringParameters.x").isString().isEqualTo("2");
        assertThatJson(event).node("multiValueQueryStringParameters.x").isEqualTo("[\"1\",\"2\"]");
        assertThatJson(event).node("requestContext.path").isEqualTo("/dev/items/a%2Bb");
        assertThatJson(event).node("requestContext.stage").isEqualTo("dev");
        assertThatJson(event).node("stageVariables.backend").isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void greedy_path_parameter_has_no_leading_slash() throws Exception {
        assertThatJson(eventOf(get("/dev/files/a/b/c.txt"))).node("pathParameters.proxy").isEqualTo("a/b/c.txt");
    }

    @Test
    void records_each_invocation_with_event_and_response() {
        gateway.reset();
        get("/dev/echo?probe=1");

        assertThat(gateway.invocations("Echo")).singleElement().satisfies(call -> {
            assertThatJson(call.event()).node("queryStringParameters.probe").isString().isEqualTo("1");
            assertThat(call.response()).contains("\"statusCode\":200");
            assertThat(call.failed()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /dev/nope", "DELETE, /dev/echo", "GET, /prod/echo", "GET, /dev", "GET, /dev/files"})
    void unknown_path_or_method_is_403_missing_authentication_token(String method, String path) {
        GatewayResponse response = gateway.handle(GatewayRequest.of(method, path));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().first("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.headers().first("Content-Type")).hasValue("application/json");
    }

    @Test
    void unknown_path_with_a_bearer_token_gets_the_incomplete_signature_answer_as_on_aws() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("GET", "/dev/nope",
                Headers.of("Authorization", "Bearer abc.def"), new byte[0]));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"'abc.def' not a valid key=value pair (missing"
                + " equal-sign) in Authorization header: 'Bearer abc.def'.\"}");
        assertThat(response.headers().first("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
    }

    @Test
    void function_error_is_502_internal_server_error() {
        gateway.stubFunction("Echo", (payload, options) -> new InvocationResult.FunctionError("java.lang.IllegalStateException",
                "boom", java.util.List.of(), "{\"errorMessage\":\"boom\"}".getBytes()));
        try {
            GatewayResponse response = get("/dev/echo");

            assertThat(response.status()).isEqualTo(502);
            assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(response.headers().first("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
        } finally {
            gateway.reset();
        }
    }

    @Test
    void handler_exception_becomes_a_recorded_function_error_and_502() {
        Gateway failing = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("rest-custom-responses.yaml"))
                .function("Boom", new FunctionDefinition.Instance(new FailingHandler(), null)).build());
        try (failing) {
            GatewayResponse response = failing.handle(GatewayRequest.of("GET", "/dev/boom"));

            assertThat(response.status()).isEqualTo(502);
            assertThat(failing.invocations("Boom")).singleElement()
                    .satisfies(call -> assertThat(call.errorType()).isEqualTo("java.lang.IllegalStateException"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"statusCode\":201,\"body\":\"made\"}                 | 201 | made",
        "{\"statusCode\":\"202\"}                                | 202 | ''",
        "{}                                                      | 200 | ''",
        "{\"statusCode\":\"test\"}                               | 502 | {\"message\": \"Internal server error\"}",
        "{\"statusCode\":200,\"wrongValue\":\"value\"}           | 502 | {\"message\": \"Internal server error\"}",
        "\"justAString\"                                         | 502 | {\"message\": \"Internal server error\"}",
        "not json                                                | 502 | {\"message\": \"Internal server error\"}",
    })
    void proxy_results_are_read_as_aws_reads_them(String result, int status, String body) {
        GatewayResponse response = gateway.handle(GatewayRequest.of("POST", "/dev/result", Headers.empty(), result));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyAsString()).isEqualTo(body);
    }

    @Test
    void transport_headers_from_the_function_are_dropped_or_remapped() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("POST", "/dev/result", Headers.empty(),
                "{\"headers\":{\"Content-Length\":\"5\",\"Date\":\"yesterday\",\"X-Mine\":\"1\"},\"body\":\"abcdefgh\"}"));

        assertThat(response.bodyAsString()).isEqualTo("abcdefgh");
        assertThat(response.headers().first("Content-Length")).isEmpty();
        assertThat(response.headers().first("x-amzn-Remapped-Date")).hasValue("yesterday");
        assertThat(response.headers().first("X-Mine")).hasValue("1");
    }

    @Test
    void informational_status_from_the_function_cannot_be_delivered_and_is_a_500() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("POST", "/dev/result", Headers.empty(),
                "{\"statusCode\":100}"));

        assertThat(response.status()).isEqualTo(500);
    }

    @Test
    void integration_timeout_is_504_endpoint_request_timed_out() {
        GatewayResponse response = get("/dev/slow");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }

    @Test
    void lambda_proxy_with_integration_method_get_fails_with_500() {
        GatewayResponse response = get("/dev/wrong-method");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void unreachable_http_backend_is_a_500() {
        GatewayResponse response = get("/dev/backend/pets");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Nested
    class Mock {
        @Test
        void request_template_status_selects_the_integration_response() {
            GatewayResponse response = get("/dev/teapot");

            assertThat(response.status()).isEqualTo(418);
            assertThat(response.bodyAsString()).isEqualTo("{\"brew\": \"tea\"}");
            assertThat(response.headers().first("X-Kind")).hasValue("teapot");
            assertThat(response.headers().first("Content-Type")).hasValue("application/json");
        }
    }

    @Nested
    class LambdaCustomIntegration {
        @Test
        void request_template_builds_the_payload_and_the_result_passes_through_the_default_response() {
            GatewayResponse response = get("/dev/custom-lambda?id=7");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().first("Content-Type")).hasValue("application/json");
            assertThat(gateway.invocations("Echo")).last()
                    .satisfies(call -> assertThatJson(call.event()).isEqualTo("{\"id\": \"7\"}"));
        }
    }

    @Nested
    class CustomGatewayResponses {
        @Test
        void customised_gateway_response_sets_status_headers_and_template() throws Exception {
            try (Gateway custom = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("rest-custom-responses.yaml"))
                    .stageVariable("name", "dev-stage")
                    .function("Boom", new FunctionDefinition.Instance(new FailingHandler(), null)).build())) {
                GatewayResponse response = custom.handle(GatewayRequest.of("GET", "/dev/missing"));

                assertThat(response.status()).isEqualTo(404);
                assertThat(MAPPER.readTree(response.body()).toString())
                        .isEqualTo("{\"error\":\"Missing Authentication Token\",\"stage\":\"dev\"}");
                assertThat(response.headers().first("X-Stage")).hasValue("dev-stage");
                assertThat(response.headers().first("Access-Control-Allow-Origin")).hasValue("*");
            }
        }

        @Test
        void default_5xx_customisation_applies_to_lambda_failures() {
            try (Gateway custom = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("rest-custom-responses.yaml"))
                    .function("Boom", new FunctionDefinition.Instance(new FailingHandler(), null)).build())) {
                GatewayResponse response = custom.handle(GatewayRequest.of("GET", "/dev/boom"));

                assertThat(response.status()).isEqualTo(502);
                assertThat(response.bodyAsString()).isEqualTo("{\"oops\": \"Internal server error\"}");
            }
        }
    }
}
