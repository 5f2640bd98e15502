package dev.apigw.emulator.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Headers;
import dev.apigw.model.Cors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpApiCorsTest {

    private static final String ORIGIN = "https://a.example";

    private static Cors cors(List<String> origins, List<String> methods, boolean credentials) {
        return new Cors(origins, methods, List.of("content-type", "x-api-key"), List.of("x-request-id"), 300, credentials);
    }

    private static GatewayRequest preflightRequest(String origin, String method) {
        return GatewayRequest.of(
                "OPTIONS",
                "/pets",
                Headers.of("Origin", origin, "Access-Control-Request-Method", method),
                new byte[0]);
    }

    private static GatewayResponse ok(Headers headers) {
        return new GatewayResponse(200, headers, "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Preflight {

        private final HttpApiCors cors = HttpApiCors.of(cors(List.of(ORIGIN), List.of("GET", "POST"), false));

        @Test
        void allowed_preflight_is_answered_with_204_and_the_configured_headers() {
            GatewayResponse response = cors.preflight(preflightRequest(ORIGIN, "POST")).orElseThrow();

            assertThat(response.status()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().first("Access-Control-Allow-Origin")).contains(ORIGIN);
            assertThat(response.headers().first("Access-Control-Allow-Methods")).contains("GET,POST");
            assertThat(response.headers().first("Access-Control-Allow-Headers")).contains("content-type,x-api-key");
            assertThat(response.headers().first("Access-Control-Max-Age")).contains("300");
            assertThat(response.headers().contains("Access-Control-Allow-Credentials")).isFalse();
            assertThat(response.headers().contains("Access-Control-Expose-Headers")).isFalse();
        }

        @Test
        void denied_origin_gets_204_without_cors_headers() {
            GatewayResponse response =
                    cors.preflight(preflightRequest("https://evil.example", "POST")).orElseThrow();

            assertThat(response.status()).isEqualTo(204);
            assertThat(response.headers().isEmpty()).isTrue();
        }

        @Test
        void method_not_allowed_gets_204_without_cors_headers() {
            GatewayResponse response = cors.preflight(preflightRequest(ORIGIN, "DELETE")).orElseThrow();

            assertThat(response.status()).isEqualTo(204);
            assertThat(response.headers().isEmpty()).isTrue();
        }

        @Test
        void requested_header_not_allowed_gets_204_without_cors_headers() {
            GatewayRequest request = GatewayRequest.of(
                    "OPTIONS",
                    "/pets",
                    Headers.of(
                            "Origin", ORIGIN,
                            "Access-Control-Request-Method", "POST",
                            "Access-Control-Request-Headers", "Content-Type, X-Secret"),
                    new byte[0]);

            assertThat(cors.preflight(request).orElseThrow().headers().isEmpty()).isTrue();
        }

        @Test
        void requested_headers_match_ignoring_case() {
            GatewayRequest request = GatewayRequest.of(
                    "OPTIONS",
                    "/pets",
                    Headers.of(
                            "origin", ORIGIN,
                            "access-control-request-method", "post",
                            "Access-Control-Request-Headers", "Content-Type,X-API-Key"),
                    new byte[0]);

            assertThat(cors.preflight(request).orElseThrow().headers().first("Access-Control-Allow-Origin"))
                    .contains(ORIGIN);
        }

        @Test
        void options_without_request_method_is_not_a_preflight() {
            GatewayRequest request = GatewayRequest.of("OPTIONS", "/pets", Headers.of("Origin", ORIGIN), new byte[0]);

            assertThat(cors.isPreflight(request)).isFalse();
            assertThat(cors.preflight(request)).isEmpty();
        }

        @Test
        void options_without_origin_is_not_a_preflight() {
            GatewayRequest request = GatewayRequest.of(
                    "OPTIONS", "/pets", Headers.of("Access-Control-Request-Method", "GET"), new byte[0]);

            assertThat(cors.preflight(request)).isEmpty();
        }

        @Test
        void credentials_with_a_specific_origin_echo_the_origin() {
            HttpApiCors withCredentials = HttpApiCors.of(cors(List.of(ORIGIN), List.of("POST"), true));

            GatewayResponse response =
                    withCredentials.preflight(preflightRequest(ORIGIN, "POST")).orElseThrow();

            assertThat(response.headers().first("Access-Control-Allow-Origin")).contains(ORIGIN);
            assertThat(response.headers().first("Access-Control-Allow-Credentials")).contains("true");
        }

        @Test
        void wildcard_origin_and_method_allow_anything_and_answer_with_star() {
            HttpApiCors open = HttpApiCors.of(new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false));

            GatewayResponse response =
                    open.preflight(preflightRequest("https://anything.example", "PATCH")).orElseThrow();

            assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("*");
            assertThat(response.headers().first("Access-Control-Allow-Methods")).contains("*");
            assertThat(response.headers().first("Access-Control-Allow-Headers")).contains("*");
            assertThat(response.headers().contains("Access-Control-Max-Age")).isFalse();
        }

        @Test
        void max_age_is_sent_as_configured() {
            HttpApiCors zero = HttpApiCors.of(new Cors(List.of(ORIGIN), List.of("GET"), List.of(), List.of(), 0, false));

            GatewayResponse response = zero.preflight(preflightRequest(ORIGIN, "GET")).orElseThrow();

            assertThat(response.headers().first("Access-Control-Max-Age")).contains("0");
            assertThat(response.headers().contains("Access-Control-Allow-Headers")).isFalse();
        }
    }

    @Nested
    class Decorate {

        private final HttpApiCors cors = HttpApiCors.of(cors(List.of(ORIGIN), List.of("GET"), true));
        private final GatewayRequest get = GatewayRequest.of("GET", "/pets", Headers.of("Origin", ORIGIN), new byte[0]);

        @Test
        void actual_response_gets_origin_credentials_and_expose_headers() {
            GatewayResponse response = cors.decorate(get, ok(Headers.of("Content-Type", "application/json")));

            assertThat(response.headers().first("Access-Control-Allow-Origin")).contains(ORIGIN);
            assertThat(response.headers().first("Access-Control-Allow-Credentials")).contains("true");
            assertThat(response.headers().first("Access-Control-Expose-Headers")).contains("x-request-id");
            assertThat(response.headers().contains("Access-Control-Allow-Methods")).isFalse();
            assertThat(response.headers().contains("Access-Control-Max-Age")).isFalse();
            assertThat(response.headers().first("Content-Type")).contains("application/json");
            assertThat(response.bodyAsString()).isEqualTo("{}");
        }

        @Test
        void error_responses_are_decorated_too() {
            GatewayResponse notFound = new GatewayResponse(
                    404,
                    Headers.of("Content-Type", "application/json"),
                    "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));

            GatewayResponse response = cors.decorate(get, notFound);

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headers().first("Access-Control-Allow-Origin")).contains(ORIGIN);
        }

        @Test
        void backend_cors_headers_are_replaced() {
            GatewayResponse backend = ok(Headers.of(
                    "access-control-allow-origin", "*",
                    "Access-Control-Allow-Methods", "DELETE",
                    "X-Other", "kept"));

            GatewayResponse response = cors.decorate(get, backend);

            assertThat(response.headers().values("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
            assertThat(response.headers().contains("Access-Control-Allow-Methods")).isFalse();
            assertThat(response.headers().first("X-Other")).contains("kept");
        }

        @Test
        void disallowed_origin_gets_no_cors_headers_and_backend_ones_are_dropped() {
            GatewayRequest other =
                    GatewayRequest.of("GET", "/pets", Headers.of("Origin", "https://evil.example"), new byte[0]);

            GatewayResponse response =
                    cors.decorate(other, ok(Headers.of("Access-Control-Allow-Origin", "https://evil.example")));

            assertThat(response.headers().isEmpty()).isTrue();
        }

        @Test
        void request_without_origin_leaves_a_plain_response_untouched() {
            GatewayResponse plain = ok(Headers.of("Content-Type", "application/json"));

            GatewayResponse response = cors.decorate(GatewayRequest.of("GET", "/pets"), plain);

            assertThat(response).isSameAs(plain);
        }

        @Test
        void wildcard_origin_answers_actual_requests_with_star() {
            HttpApiCors open = HttpApiCors.of(new Cors(List.of("*"), List.of(), List.of(), List.of(), null, false));

            GatewayResponse response = open.decorate(get, ok(Headers.empty()));

            assertThat(response.headers().first("Access-Control-Allow-Origin")).contains("*");
            assertThat(response.headers().contains("Access-Control-Expose-Headers")).isFalse();
        }
    }

    @Nested
    class NotConfigured {

        private final HttpApiCors cors = HttpApiCors.of(null);

        @Test
        void preflight_is_left_to_routing() {
            assertThat(cors.enabled()).isFalse();
            assertThat(cors.preflight(preflightRequest(ORIGIN, "POST"))).isEmpty();
        }

        @Test
        void responses_are_untouched_including_backend_cors_headers() {
            GatewayResponse backend = ok(Headers.of("Access-Control-Allow-Origin", "*"));
            GatewayRequest get = GatewayRequest.of("GET", "/pets", Headers.of("Origin", ORIGIN), new byte[0]);

            assertThat(cors.decorate(get, backend)).isSameAs(backend);
        }
    }
}
