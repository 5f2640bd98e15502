package dev.apigw.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payload 1.0 results, row by row from AWS-REFERENCE §1.4 [S test_aws_proxy_response_payload_format_validation]. */
class ProxyResponseReaderV1Test {
    private static final Exchange REST = TestExchange.rest("GET", "/").build();

    static GatewayResponse read(String payload, Exchange exchange) {
        return ProxyResponseReader.readV1(payload.getBytes(StandardCharsets.UTF_8), exchange);
    }

    /** Header lines as {@code Name: value}, joined with {@code " | "}. */
    static String lines(GatewayResponse response) {
        return response.headers().all().stream()
                .map(header -> header.name() + ": " + header.value())
                .collect(Collectors.joining(" | "));
    }

    static Stream<Arguments> acceptedRows() {
        return Stream.of(
                Arguments.of("{\"statusCode\":200}", 200, "Content-Type: application/json", ""),
                Arguments.of("{\"headers\":{\"test-header\":\"value\"}}", 200,
                        "Content-Type: application/json | test-header: value", ""),
                Arguments.of("{\"statusCode\":\"201\"}", 201, "Content-Type: application/json", ""),
                Arguments.of("{}", 200, "Content-Type: application/json", ""),
                Arguments.of("{\"statusCode\":200,\"headers\":{\"header-bool\":true}}", 200,
                        "Content-Type: application/json | header-bool: true", ""),
                Arguments.of("{\"statusCode\":200,\"headers\":null}", 200, "Content-Type: application/json", ""),
                Arguments.of("{\"multiValueHeaders\":{\"test-multi\":[\"value1\",\"value2\"]}}", 200,
                        "Content-Type: application/json | test-multi: value1, value2", ""),
                Arguments.of("{\"multiValueHeaders\":{\"tesT-Multi\":[\"value-multi\"]},"
                                + "\"headers\":{\"test-multi\":\"value-solo\"}}", 200,
                        "Content-Type: application/json | tesT-Multi: value-multi, value-solo", ""),
                Arguments.of("{\"statusCode\":200,\"body\":\"dGVzdC1kYXRh\",\"isBase64Encoded\":true}", 200,
                        "Content-Type: application/json", "dGVzdC1kYXRh"),
                Arguments.of("{\"statusCode\":200,\"body\":\"dGVzdC1kYXRh\",\"isBase64Encoded\":false}", 200,
                        "Content-Type: application/json", "dGVzdC1kYXRh"),
                // Beyond the table, following the data-binding model (see ProxyResultFields).
                Arguments.of("{\"statusCode\":404,\"headers\":{\"content-type\":\"text/html\"},\"body\":\"<p>\"}", 404,
                        "content-type: text/html", "<p>"),
                Arguments.of("{\"statusCode\":200,\"headers\":{\"x-n\":1.50,\"x-i\":42}}", 200,
                        "Content-Type: application/json | x-n: 1.50 | x-i: 42", ""),
                Arguments.of("{\"statusCode\":200,\"body\":42}", 200, "Content-Type: application/json", "42"),
                Arguments.of("{\"statusCode\":200,\"body\":null,\"multiValueHeaders\":null,"
                        + "\"isBase64Encoded\":null}", 200, "Content-Type: application/json", ""),
                Arguments.of("{\"statusCode\":null}", 200, "Content-Type: application/json", ""),
                Arguments.of("{\"statusCode\":201.0}", 201, "Content-Type: application/json", ""),
                Arguments.of("{\"statusCode\":200,\"multiValueHeaders\":{\"x\":[]}}", 200,
                        "Content-Type: application/json", ""),
                Arguments.of("{\"statusCode\":200,\"headers\":{\"x\":null}}", 200,
                        "Content-Type: application/json", ""),
                Arguments.of("  {\"statusCode\":200,\"body\":\"é\"}\n", 200, "Content-Type: application/json", "é"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("acceptedRows")
    void accepted_results(String payload, int status, String headers, String body) {
        GatewayResponse response = read(payload, REST);

        assertThat(response.status()).isEqualTo(status);
        assertThat(lines(response)).isEqualTo(headers);
        assertThat(response.bodyAsString()).isEqualTo(body);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"statusCode\":\"test\"}",
        "{\"statusCode\":200,\"wrongValue\":\"value\"}",
        "\"justAString\"",
        "{\"multiValueHeaders\":{\"x\":\"value1\"}}",
        // Beyond the table:
        "not json",
        "",
        "null",
        "[{\"statusCode\":200}]",
        "42",
        "{\"statusCode\":200} trailing",
        "{\"statusCode\":true}",
        "{\"statusCode\":200.5}",
        "{\"statusCode\":99}",
        "{\"statusCode\":600}",
        "{\"statusCode\":200,\"body\":{\"a\":1}}",
        "{\"statusCode\":200,\"body\":[1]}",
        "{\"statusCode\":200,\"headers\":\"x\"}",
        "{\"statusCode\":200,\"headers\":{\"x\":{\"a\":1}}}",
        "{\"statusCode\":200,\"multiValueHeaders\":{\"x\":[{\"a\":1}]}}",
        "{\"statusCode\":200,\"isBase64Encoded\":\"yes\"}",
        "{\"statusCode\":200,\"cookies\":[\"a=1\"]}",
        "{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}"})
    void malformed_results_are_a_lambda_proxy_failure(String payload) {
        assertThatThrownBy(() -> read(payload, REST))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("Malformed Lambda proxy response")
                .extracting(e -> ((GatewayException) e).error())
                .isEqualTo(GatewayError.LAMBDA_PROXY_FAILURE);
    }

    @Nested
    class BinaryOnRest {
        private static final String BASE64_RESULT = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\"},"
                + "\"body\":\"AAEC\",\"isBase64Encoded\":true}";

        @Test
        void decodes_when_the_first_accept_type_matches_binary_media_types() {
            Exchange exchange = TestExchange.rest("GET", "/").binaryMediaTypes("image/png")
                    .header("Accept", "image/png, text/html").build();

            assertThat(read(BASE64_RESULT, exchange).body()).containsExactly(0, 1, 2);
        }

        @Test
        void returns_the_base64_text_when_only_a_later_accept_type_matches() {
            Exchange exchange = TestExchange.rest("GET", "/").binaryMediaTypes("image/png")
                    .header("Accept", "text/html, image/png").build();

            assertThat(read(BASE64_RESULT, exchange).bodyAsString()).isEqualTo("AAEC");
        }

        @Test
        void returns_the_base64_text_without_an_accept_header() {
            Exchange exchange = TestExchange.rest("GET", "/").binaryMediaTypes("*/*").build();

            assertThat(read(BASE64_RESULT, exchange).bodyAsString()).isEqualTo("AAEC");
        }

        @Test
        void an_undecodable_body_is_an_api_configuration_error() {
            Exchange exchange = TestExchange.rest("GET", "/").binaryMediaTypes("*/*")
                    .header("Accept", "image/png").build();

            assertThatThrownBy(() -> read("{\"body\":\"%%%\",\"isBase64Encoded\":true}", exchange))
                    .isInstanceOf(GatewayException.class)
                    .extracting(e -> ((GatewayException) e).error())
                    .isEqualTo(GatewayError.API_CONFIGURATION_ERROR);
        }

        @Test
        void line_breaks_in_base64_are_tolerated() {
            Exchange exchange = TestExchange.rest("GET", "/").binaryMediaTypes("*/*")
                    .header("Accept", "application/octet-stream").build();

            assertThat(read("{\"body\":\"AA\\r\\nEC\",\"isBase64Encoded\":true}", exchange).body())
                    .containsExactly(0, 1, 2);
        }
    }

    @Nested
    class OnHttpApis {
        private final Exchange httpApi = TestExchange.httpApi("GET", "/").build();

        @Test
        void the_default_content_type_is_text_plain() {
            assertThat(lines(read("{\"statusCode\":200,\"body\":\"hi\"}", httpApi)))
                    .isEqualTo("Content-Type: text/plain; charset=utf-8");
        }

        @Test
        void base64_bodies_are_always_decoded() {
            assertThat(read("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}", httpApi).body())
                    .containsExactly(0, 1, 2);
        }

        @Test
        void malformed_results_fail_the_same_way() {
            assertThatThrownBy(() -> read("{\"statusCode\":200,\"extra\":1}", httpApi))
                    .isInstanceOf(GatewayException.class)
                    .extracting(e -> ((GatewayException) e).error())
                    .isEqualTo(GatewayError.LAMBDA_PROXY_FAILURE);
        }
    }
}
