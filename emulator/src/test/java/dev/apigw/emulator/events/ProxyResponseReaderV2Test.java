package dev.apigw.emulator.events;

import static dev.apigw.emulator.events.ProxyResponseReaderV1Test.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payload 2.0 results: the structured form and AWS's inference rules (AWS-REFERENCE §2.3) [D]. */
class ProxyResponseReaderV2Test {
    private static final Exchange HTTP_API = TestExchange.httpApi("GET", "/").build();

    private static GatewayResponse read(String payload) {
        return ProxyResponseReader.readV2(payload.getBytes(StandardCharsets.UTF_8), HTTP_API);
    }

    static Stream<Arguments> inferred() {
        return Stream.of(
                Arguments.of("\"Hello from Lambda!\"", "Hello from Lambda!"),
                Arguments.of("{ \"message\": \"Hello from Lambda!\" }", "{ \"message\": \"Hello from Lambda!\" }"),
                Arguments.of("{\"body\":\"x\",\"headers\":{\"a\":\"b\"}}",
                        "{\"body\":\"x\",\"headers\":{\"a\":\"b\"}}"),
                Arguments.of("[1,2]", "[1,2]"),
                Arguments.of("42", "42"),
                Arguments.of("true", "true"),
                Arguments.of("null", "null"),
                Arguments.of("\"\"", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void inferred(String payload, String body) {
        GatewayResponse response = read(payload);

        assertThat(response.status()).isEqualTo(200);
        assertThat(lines(response)).isEqualTo("Content-Type: application/json");
        assertThat(response.bodyAsString()).isEqualTo(body);
    }

    static Stream<Arguments> structured() {
        return Stream.of(
                Arguments.of("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/html\"},\"body\":\"<p>\"}",
                        201, "Content-Type: text/html", "<p>"),
                Arguments.of("{\"statusCode\":200,\"body\":\"hi\"}", 200, "Content-Type: text/plain; charset=utf-8",
                        "hi"),
                Arguments.of("{\"statusCode\":\"202\"}", 202, "Content-Type: text/plain; charset=utf-8", ""),
                Arguments.of("{\"statusCode\":200,\"headers\":{\"X-Flag\":true,\"x-n\":7}}", 200,
                        "Content-Type: text/plain; charset=utf-8 | X-Flag: true | x-n: 7", ""),
                Arguments.of("{\"statusCode\":200,\"cookies\":[\"a=1; Path=/\",\"b=2\"],"
                                + "\"headers\":{\"content-type\":\"application/json\"}}", 200,
                        "content-type: application/json | Set-Cookie: a=1; Path=/ | Set-Cookie: b=2", ""),
                Arguments.of("{\"statusCode\":200,\"multiValueHeaders\":{\"x\":[\"1\",\"2\"]},\"extra\":1}", 200,
                        "Content-Type: text/plain; charset=utf-8", ""),
                Arguments.of("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true}", 200,
                        "Content-Type: text/plain; charset=utf-8", "hi"),
                Arguments.of("{\"statusCode\":null,\"body\":\"x\"}", 200, "Content-Type: text/plain; charset=utf-8",
                        "x"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void structured(String payload, int status, String headers, String body) {
        GatewayResponse response = read(payload);

        assertThat(response.status()).isEqualTo(status);
        assertThat(lines(response)).isEqualTo(headers);
        assertThat(response.bodyAsString()).isEqualTo(body);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "not json",
        "",
        "{\"statusCode\":\"abc\"}",
        "{\"statusCode\":true}",
        "{\"statusCode\":200,\"body\":{\"a\":1}}",
        "{\"statusCode\":200,\"headers\":[\"a\"]}",
        "{\"statusCode\":200,\"cookies\":\"a=1\"}",
        "{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}"})
    void malformed_results_are_a_lambda_proxy_failure(String payload) {
        assertThatThrownBy(() -> read(payload))
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).error())
                .isEqualTo(GatewayError.LAMBDA_PROXY_FAILURE);
    }
}
