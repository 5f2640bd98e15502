package dev.apigw.emulator;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.lambda.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API pipeline without a socket: payload 2.0 and 1.0, inference, HTTP API error bodies. */
class HttpGatewayTest {
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        gateway = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("http-api.yaml"))
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

    @Test
    void serves_the_default_stage_at_the_root_with_a_2_0_event() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("GET", "/echo/42?a=1&a=2",
                Headers.of("X-Custom", "one", "X-Custom", "two", "Cookie", "c1=v1; c2=v2"), new byte[0]));

        assertThat(response.status()).isEqualTo(200);
        String event = response.bodyAsString();
        assertThatJson(event).node("version").isString().isEqualTo("2.0");
        assertThatJson(event).node("routeKey").isEqualTo("GET /echo/{id}");
        assertThatJson(event).node("rawPath").isEqualTo("/echo/42");
        assertThatJson(event).node("rawQueryString").isEqualTo("a=1&a=2");
        assertThatJson(event).node("queryStringParameters.a").isEqualTo("1,2");
        assertThatJson(event).node("headers.x-custom").isEqualTo("one,two");
        assertThatJson(event).node("cookies").isEqualTo("[\"c1=v1\",\"c2=v2\"]");
        assertThatJson(event).node("pathParameters.id").isString().isEqualTo("42");
        assertThatJson(event).node("requestContext.stage").isEqualTo("$default");
        assertThatJson(event).node("stageVariables.backend").isEqualTo("http://127.0.0.1:9");
    }

    @Test
    void every_response_carries_the_request_id_headers() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("GET", "/echo/1"));

        assertThat(response.headers().first("apigw-requestid")).isPresent();
        assertThat(response.headers().first("x-amzn-RequestId")).isPresent();
    }

    @Test
    void payload_1_0_route_gets_a_versioned_1_0_event() {
        String event = gateway.handle(GatewayRequest.of("GET", "/v1")).bodyAsString();

        assertThatJson(event).node("version").isString().isEqualTo("1.0");
        assertThatJson(event).node("httpMethod").isEqualTo("GET");
        assertThatJson(event).node("requestContext.stage").isEqualTo("$default");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "\"Hello from Lambda!\"                        | 200 | Hello from Lambda!",
        "{\"message\":\"Hello from Lambda!\"}          | 200 | {\"message\":\"Hello from Lambda!\"}",
        "{\"statusCode\":201,\"body\":\"made\"}        | 201 | made",
        "not json                                      | 500 | {\"message\":\"Internal Server Error\"}",
    })
    void results_are_read_with_payload_2_0_rules(String result, int status, String body) {
        GatewayResponse response = gateway.handle(GatewayRequest.of("POST", "/result", Headers.empty(), result));

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyAsString()).isEqualTo(body);
    }

    @Test
    void cookies_become_set_cookie_headers() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("POST", "/result", Headers.empty(),
                "{\"statusCode\":200,\"cookies\":[\"a=1\",\"b=2\"]}"));

        assertThat(response.headers().values("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void function_error_is_500_internal_server_error() {
        gateway.stubFunction("Echo", (payload, options) -> new InvocationResult.FunctionError("Error", "boom",
                java.util.List.of(), "{}".getBytes()));
        try {
            GatewayResponse response = gateway.handle(GatewayRequest.of("GET", "/echo/1"));

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        } finally {
            gateway.reset();
        }
    }

    @Test
    void integration_timeout_is_503_service_unavailable() {
        GatewayResponse response = gateway.handle(GatewayRequest.of("GET", "/slow"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    }

    @Test
    void unknown_route_on_a_named_stage_is_404_not_found() {
        try (Gateway staged = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("http-api.yaml")).stage("beta")
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), null)).build())) {
            GatewayResponse response = staged.handle(GatewayRequest.of("GET", "/echo/1"));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThatJson(staged.handle(GatewayRequest.of("GET", "/beta/echo/1")).bodyAsString())
                    .node("rawPath").isEqualTo("/beta/echo/1");
        }
    }

    @Test
    void a_route_throttle_is_keyed_by_route_key_and_counts_that_route_only() {
        try (Gateway throttled = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("http-api.yaml"))
                .routeThrottle("GET /echo/{id}", new StageThrottle(1, 1))
                .clock(MutableClock.now())
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), null)).build())) {
            GatewayResponse first = throttled.handle(GatewayRequest.of("GET", "/echo/1"));
            GatewayResponse second = throttled.handle(GatewayRequest.of("GET", "/echo/2"));
            GatewayResponse other = throttled.handle(GatewayRequest.of("GET", "/v1"));

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.bodyAsString()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(other.status()).isNotEqualTo(429);
        }
    }

    @Test
    void a_route_throttle_naming_no_route_stops_the_gateway_with_the_known_keys() {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("http-api.yaml"))
                .routeThrottle("GET /nope", new StageThrottle(1, 1))
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .function("Result", new FunctionDefinition.Instance(new ResultHandler(), null))
                .function("Slow", new FunctionDefinition.Instance(new SlowHandler(), null)).build();

        assertThatThrownBy(() -> Gateway.create(config)).isInstanceOf(GatewayStartupException.class)
                .hasMessageContaining("route throttle 'GET /nope' names no method of the API")
                .hasMessageContaining("GET /echo/{id}");
    }
}
