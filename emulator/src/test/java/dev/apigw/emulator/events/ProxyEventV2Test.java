package dev.apigw.emulator.events;

import static dev.apigw.emulator.events.ProxyEventV1Test.keys;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyEventV2Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String event(TestExchange exchange) {
        return new String(ProxyEventV2.build(exchange.build()), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(TestExchange exchange) throws Exception {
        return JSON.readTree(event(exchange));
    }

    @Nested
    class Golden {
        @Test
        void get_on_a_named_stage_with_cookies_query_and_repeated_headers() {
            TestExchange exchange = TestExchange.httpApi("GET", "/hello/world?x=1&x=2&q=a+b%2Bc")
                    .stage("live")
                    .resource("/hello/{name}")
                    .pathParameter("name", "world")
                    .stageVariable("env", "live")
                    .header("Host", "localhost:3000")
                    .header("User-Agent", "curl/8.5.0")
                    .header("Accept", "*/*")
                    .header("Cookie", "a=1; b=2")
                    .header("X-Custom", "one")
                    .header("x-custom", "two")
                    .header("cookie", " c=3 ;");

            assertThatJson(event(exchange)).isEqualTo(TestExchange.golden("proxy-v2/get-named-stage.json"));
        }

        @Test
        void binary_post_to_the_default_route() {
            TestExchange exchange = TestExchange.httpApi("POST", "/upload")
                    .resource("$default")
                    .routeKey("$default")
                    .header("Content-Type", "application/octet-stream")
                    .body(new byte[] {0, 1, 2, (byte) 0xff});

            assertThatJson(event(exchange)).isEqualTo(TestExchange.golden("proxy-v2/post-default-route-binary.json"));
        }
    }

    @Nested
    class Shape {
        @Test
        void keys_are_in_the_order_of_the_real_capture() throws Exception {
            JsonNode event = tree(TestExchange.httpApi("POST", "/p?a=1").pathParameter("id", "1")
                    .stageVariable("s", "v").header("Cookie", "c=1").body("hi"));

            assertThat(keys(event)).containsExactly("version", "routeKey", "rawPath", "rawQueryString", "cookies",
                    "headers", "queryStringParameters", "requestContext", "pathParameters", "stageVariables", "body",
                    "isBase64Encoded");
            assertThat(keys(event.get("requestContext"))).containsExactly("accountId", "apiId", "domainName",
                    "domainPrefix", "http", "requestId", "routeKey", "stage", "time", "timeEpoch");
            assertThat(keys(event.at("/requestContext/http")))
                    .containsExactly("method", "path", "protocol", "sourceIp", "userAgent");
        }

        @Test
        void optional_keys_are_absent_not_null() throws Exception {
            JsonNode event = tree(TestExchange.httpApi("GET", "/"));

            assertThat(keys(event)).doesNotContain("cookies", "queryStringParameters", "pathParameters",
                    "stageVariables", "body", "multiValueHeaders", "multiValueQueryStringParameters");
            assertThat(event.get("rawQueryString").textValue()).isEmpty();
            assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
        }

        @Test
        void a_rest_route_without_route_key_is_a_programming_error() {
            assertThatThrownBy(() -> ProxyEventV2.build(TestExchange.rest("GET", "/").build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("route key");
        }
    }

    @Nested
    class HeadersAndCookies {
        @Test
        void header_names_are_lower_cased_and_repeats_joined_with_a_comma() throws Exception {
            JsonNode headers = tree(TestExchange.httpApi("GET", "/")
                    .header("X-Multi", "value1").header("x-MULTI", "value2").header("Accept", "*/*")).get("headers");

            assertThat(headers.get("x-multi").textValue()).isEqualTo("value1,value2");
            assertThat(keys(headers)).allMatch(name -> name.equals(name.toLowerCase()));
        }

        @Test
        void cookies_are_split_trimmed_and_removed_from_headers() throws Exception {
            JsonNode event = tree(TestExchange.httpApi("GET", "/").header("Cookie", "a=1;b=2;  c=3"));

            assertThatJson(event.get("cookies")).isEqualTo("[\"a=1\",\"b=2\",\"c=3\"]");
            assertThat(event.get("headers").has("cookie")).isFalse();
        }

        @Test
        void content_length_is_the_body_size() throws Exception {
            JsonNode headers = tree(TestExchange.httpApi("POST", "/").header("Content-Length", "999")
                    .header("Content-Type", "text/plain").body("hello")).get("headers");

            assertThat(headers.get("content-length").textValue()).isEqualTo("5");
        }
    }

    @Nested
    class Query {
        @Test
        void raw_query_string_is_kept_and_values_are_decoded_and_joined() throws Exception {
            JsonNode event = tree(TestExchange.httpApi("GET", "/?a=1&a=2&b=x+y%2Bz"));

            assertThat(event.get("rawQueryString").textValue()).isEqualTo("a=1&a=2&b=x+y%2Bz");
            assertThatJson(event.get("queryStringParameters")).isEqualTo("{\"a\":\"1,2\",\"b\":\"x y+z\"}");
        }
    }

    @Nested
    class Paths {
        @Test
        void raw_path_and_http_path_include_a_named_stage() throws Exception {
            JsonNode event = tree(TestExchange.httpApi("GET", "/agents/1234").stage("dev"));

            assertThat(event.get("rawPath").textValue()).isEqualTo("/dev/agents/1234");
            assertThat(event.at("/requestContext/http/path").textValue()).isEqualTo("/dev/agents/1234");
            assertThat(event.at("/requestContext/stage").textValue()).isEqualTo("dev");
        }

        @Test
        void the_default_stage_has_no_prefix() throws Exception {
            JsonNode event = tree(TestExchange.httpApi("GET", "/agents/1234"));

            assertThat(event.get("rawPath").textValue()).isEqualTo("/agents/1234");
        }
    }

    @Nested
    class Body {
        @ParameterizedTest
        @CsvSource({
            "text/plain, false",
            "text/html; charset=utf-8, false",
            "application/json, false",
            "application/vnd.api+json, false",
            "application/xml, false",
            "application/soap+xml, false",
            "application/x-www-form-urlencoded, false",
            "application/javascript, false",
            "application/octet-stream, true",
            "image/png, true",
            "multipart/form-data; boundary=x, true"})
        void text_types_stay_text_and_others_are_base64(String contentType, boolean base64) throws Exception {
            JsonNode event = tree(TestExchange.httpApi("POST", "/").header("Content-Type", contentType).body("hi"));

            assertThat(event.get("isBase64Encoded").booleanValue()).isEqualTo(base64);
            assertThat(event.get("body").textValue()).isEqualTo(base64 ? "aGk=" : "hi");
        }

        @Test
        void without_content_type_valid_utf8_is_text_and_other_bytes_are_base64() throws Exception {
            JsonNode text = tree(TestExchange.httpApi("POST", "/").body("héllo"));
            JsonNode bytes = tree(TestExchange.httpApi("POST", "/").body(new byte[] {(byte) 0xc3, 0x28}));

            assertThat(text.get("body").textValue()).isEqualTo("héllo");
            assertThat(text.get("isBase64Encoded").booleanValue()).isFalse();
            assertThat(bytes.get("body").textValue()).isEqualTo("wyg=");
            assertThat(bytes.get("isBase64Encoded").booleanValue()).isTrue();
        }
    }
}
