package dev.apigw.emulator.events;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyEventV1Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String rest(TestExchange exchange) {
        return new String(ProxyEventV1.build(exchange.build(), false), StandardCharsets.UTF_8);
    }

    static JsonNode restTree(TestExchange exchange) throws Exception {
        return JSON.readTree(rest(exchange));
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Nested
    class Golden {
        @Test
        void get_with_query_headers_and_path_parameter() {
            TestExchange exchange = TestExchange.rest("GET", "/pets/7?name=me&price=10&price=20&q=a+b%2Bc")
                    .resource("/pets/{petId}")
                    .pathParameter("petId", "7")
                    .header("Host", "localhost:3000")
                    .header("User-Agent", "curl/8.5.0")
                    .header("Accept", "*/*")
                    .header("aUThorization", "Bearer abc")
                    .header("tEsT-HEADeR", "aValUE")
                    .header("Connection", "keep-alive");

            assertThatJson(rest(exchange)).isEqualTo(TestExchange.golden("proxy-v1/rest-get-with-query.json"));
        }

        @Test
        void post_of_a_binary_media_type_is_base64() {
            TestExchange exchange = TestExchange.rest("POST", "/uploads/a%20b.png")
                    .stage("prod")
                    .resource("/{proxy+}")
                    .pathParameter("proxy", "uploads/a%20b.png")
                    .stageVariable("bucket", "pets-dev")
                    .binaryMediaTypes("image/*")
                    .header("Content-Type", "image/png")
                    .header("Content-Length", "8")
                    .header("X-Forwarded-For", "198.51.100.1")
                    .body(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});

            assertThatJson(rest(exchange)).isEqualTo(TestExchange.golden("proxy-v1/rest-post-binary.json"));
        }
    }

    @Nested
    class KeyOrder {
        @Test
        void top_level_keys_are_in_aws_order() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/"));

            assertThat(keys(event)).containsExactly("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                    "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                    "requestContext", "body", "isBase64Encoded");
        }

        @Test
        void request_context_keys_are_in_aws_order() throws Exception {
            JsonNode context = restTree(TestExchange.rest("GET", "/")).get("requestContext");

            assertThat(keys(context)).containsExactly("resourceId", "resourcePath", "httpMethod", "extendedRequestId",
                    "requestTime", "path", "accountId", "protocol", "stage", "domainPrefix", "requestTimeEpoch",
                    "requestId", "identity", "domainName", "deploymentId", "apiId");
            assertThat(keys(context.get("identity"))).containsExactly("cognitoIdentityPoolId", "accountId",
                    "cognitoIdentityId", "caller", "sourceIp", "principalOrgId", "accessKey",
                    "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn", "userAgent", "user");
        }

        @Test
        void headers_are_sorted_case_insensitively() throws Exception {
            JsonNode headers = restTree(TestExchange.rest("GET", "/")
                    .header("zeta", "1").header("Accept", "2").header("cache-control", "3").header("Host", "h"))
                    .get("headers");

            assertThat(keys(headers)).containsExactly("Accept", "cache-control", "Host", "X-Amzn-Trace-Id",
                    "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto", "zeta");
        }
    }

    @Nested
    class NullRules {
        @Test
        void empty_collections_are_null_not_empty_objects() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/"));

            assertThat(event.get("queryStringParameters").isNull()).isTrue();
            assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
            assertThat(event.get("pathParameters").isNull()).isTrue();
            assertThat(event.get("stageVariables").isNull()).isTrue();
            assertThat(event.get("body").isNull()).isTrue();
            assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
        }

        @Test
        void a_question_mark_without_parameters_is_no_query() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/?"));

            assertThat(event.get("queryStringParameters").isNull()).isTrue();
        }

        @Test
        void no_authorizer_key_without_an_authorizer() throws Exception {
            JsonNode context = restTree(TestExchange.rest("GET", "/")).get("requestContext");

            assertThat(context.has("authorizer")).isFalse();
        }
    }

    @Nested
    class Headers {
        @Test
        void last_value_wins_in_headers_and_all_values_are_in_multi_value_headers() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/").header("X-Dup", "a").header("x-dup", "b"));

            assertThat(event.at("/headers/X-Dup").textValue()).isEqualTo("b");
            assertThatJson(event.get("multiValueHeaders")).node("X-Dup").isEqualTo("[\"a\",\"b\"]");
            assertThat(event.get("headers").has("x-dup")).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"aUThorization, Authorization", "user-AGENT, User-Agent", "x-lower-case, x-lower-case"})
        void only_authorization_and_user_agent_are_canonicalised(String sent, String received) throws Exception {
            JsonNode headers = restTree(TestExchange.rest("GET", "/").header(sent, "v")).get("headers");

            assertThat(headers.has(received)).isTrue();
        }

        @Test
        void content_length_and_connection_are_not_passed_on() throws Exception {
            JsonNode headers = restTree(TestExchange.rest("POST", "/")
                    .header("Content-Length", "2").header("Connection", "keep-alive").body("{}")).get("headers");

            assertThat(keys(headers)).doesNotContain("Content-Length", "Connection");
        }

        @Test
        void forwarded_headers_sent_by_the_client_are_kept_and_x_forwarded_for_is_appended() throws Exception {
            JsonNode headers = restTree(TestExchange.rest("GET", "/")
                    .header("X-Forwarded-For", "10.0.0.1")
                    .header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Port", "443")
                    .header("X-Amzn-Trace-Id", "Root=1-5e5ffe45-000000000000000000000001")).get("headers");

            assertThat(headers.get("X-Forwarded-For").textValue()).isEqualTo("10.0.0.1, " + TestExchange.SOURCE_IP);
            assertThat(headers.get("X-Forwarded-Proto").textValue()).isEqualTo("https");
            assertThat(headers.get("X-Forwarded-Port").textValue()).isEqualTo("443");
            assertThat(headers.get("X-Amzn-Trace-Id").textValue())
                    .isEqualTo("Root=1-5e5ffe45-000000000000000000000001");
        }

        @Test
        void the_trace_id_is_the_one_the_gateway_would_echo() throws Exception {
            TestExchange exchange = TestExchange.rest("GET", "/");
            JsonNode headers = restTree(exchange).get("headers");

            assertThat(headers.get("X-Amzn-Trace-Id").textValue())
                    .isEqualTo(TraceIds.of(exchange.build()))
                    .matches("Root=1-5e5ffe45-[0-9a-f]{24}");
        }
    }

    @Nested
    class Query {
        @Test
        void repeated_keys_keep_the_last_value_and_every_value_in_order() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/?price=10&price=20&price=30"));

            assertThat(event.at("/queryStringParameters/price").textValue()).isEqualTo("30");
            assertThatJson(event.get("multiValueQueryStringParameters"))
                    .isEqualTo("{\"price\":[\"10\",\"20\",\"30\"]}");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "q=a+b          | a b",
            "q=a%2Bb        | a+b",
            "q=%C3%A9t%C3%A9 | été",
            "q=100%25       | 100%",
            "q=bad%zz       | bad%zz",
            "q=a=b          | a=b",
            "q=x#fragment   | x"})
        void values_are_url_decoded(String query, String expected) throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/?" + query));

            assertThat(event.at("/queryStringParameters/q").textValue()).isEqualTo(expected);
        }

        @Test
        void a_bare_key_has_an_empty_value_and_keys_are_decoded() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/?flag&a%20b=1"));

            assertThatJson(event.get("queryStringParameters")).isEqualTo("{\"flag\":\"\",\"a b\":\"1\"}");
        }
    }

    @Nested
    class PathsAndContext {
        @Test
        void path_parameters_stay_raw() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/api/user/test%2Balias@gmail.com")
                    .resource("/{proxy+}").pathParameter("proxy", "api/user/test%2Balias@gmail.com"));

            assertThat(event.at("/pathParameters/proxy").textValue()).isEqualTo("api/user/test%2Balias@gmail.com");
            assertThat(event.get("path").textValue()).isEqualTo("/api/user/test%2Balias@gmail.com");
        }

        @Test
        void request_context_path_has_the_stage_prefix_and_event_path_has_not() throws Exception {
            JsonNode event = restTree(TestExchange.rest("GET", "/pets/7/").stage("test"));

            assertThat(event.get("path").textValue()).isEqualTo("/pets/7/");
            assertThat(event.at("/requestContext/path").textValue()).isEqualTo("/test/pets/7/");
            assertThat(event.at("/requestContext/stage").textValue()).isEqualTo("test");
        }

        @Test
        void request_time_is_clf_in_utc_and_epoch_is_a_number_of_milliseconds() throws Exception {
            JsonNode context = restTree(TestExchange.rest("GET", "/")).get("requestContext");

            assertThat(context.get("requestTime").textValue()).isEqualTo("04/Mar/2020:19:15:17 +0000");
            assertThat(context.get("requestTimeEpoch").isIntegralNumber()).isTrue();
            assertThat(context.get("requestTimeEpoch").longValue()).isEqualTo(1583349317135L);
        }

        @Test
        void http_method_is_the_client_method_even_for_any() throws Exception {
            JsonNode event = restTree(TestExchange.rest("DELETE", "/x").resource("/x"));

            assertThat(event.get("httpMethod").textValue()).isEqualTo("DELETE");
            assertThat(event.at("/requestContext/httpMethod").textValue()).isEqualTo("DELETE");
        }
    }

    @Nested
    class Body {
        @Test
        void text_body_is_passed_as_is() throws Exception {
            JsonNode event = restTree(TestExchange.rest("POST", "/").header("Content-Type", "application/json")
                    .body("{\"a\": \"é\"}"));

            assertThat(event.get("body").textValue()).isEqualTo("{\"a\": \"é\"}");
            assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
        }

        @Test
        void without_binary_media_types_even_bytes_are_text() throws Exception {
            JsonNode event = restTree(TestExchange.rest("POST", "/").header("Content-Type", "image/png").body("abc"));

            assertThat(event.get("isBase64Encoded").booleanValue()).isFalse();
            assertThat(event.get("body").textValue()).isEqualTo("abc");
        }

        @Test
        void a_wildcard_binary_media_type_base64_encodes_every_typed_body() throws Exception {
            JsonNode event = restTree(TestExchange.rest("POST", "/").binaryMediaTypes("*/*")
                    .header("Content-Type", "application/json; charset=utf-8").body("{}"));

            assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
            assertThat(event.get("body").textValue()).isEqualTo("e30=");
        }
    }
}
