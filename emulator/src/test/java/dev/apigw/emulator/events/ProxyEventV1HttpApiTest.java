package dev.apigw.emulator.events;

import static dev.apigw.emulator.events.ProxyEventV1Test.keys;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Payload 1.0 as HTTP APIs send it. */
class ProxyEventV1HttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String event(TestExchange exchange) {
        return new String(ProxyEventV1.build(exchange.build(), true), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(TestExchange exchange) throws Exception {
        return JSON.readTree(event(exchange));
    }

    @Test
    void golden_get_on_a_named_stage() {
        TestExchange exchange = TestExchange.httpApi("GET", "/hello/world?x=1&x=2")
                .stage("live")
                .resource("/hello/{name}")
                .pathParameter("name", "world")
                .header("Host", "localhost:3000")
                .header("User-Agent", "PostmanRuntime/7.28.4")
                .header("Accept", "*/*")
                .header("Postman-Token", "8639a798")
                .header("Accept-Encoding", "gzip, deflate, br")
                .header("Cookie", "a=1; b=2");

        assertThatJson(event(exchange)).isEqualTo(TestExchange.golden("proxy-v1/http-api-get.json"));
    }

    @Test
    void top_level_and_request_context_keys_are_in_http_api_order() throws Exception {
        JsonNode event = tree(TestExchange.httpApi("GET", "/"));

        assertThat(keys(event)).containsExactly("version", "resource", "path", "httpMethod", "headers",
                "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "requestContext",
                "pathParameters", "stageVariables", "body", "isBase64Encoded");
        assertThat(keys(event.get("requestContext"))).containsExactly("accountId", "apiId", "domainName",
                "domainPrefix", "extendedRequestId", "httpMethod", "identity", "path", "protocol", "requestId",
                "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage");
    }

    @Test
    void headers_are_sorted_capitals_first() throws Exception {
        JsonNode headers = tree(TestExchange.httpApi("GET", "/").header("accept", "*/*").header("Zeta", "z"))
                .get("headers");

        assertThat(keys(headers)).containsExactly("Content-Length", "X-Amzn-Trace-Id", "X-Forwarded-For",
                "X-Forwarded-Port", "X-Forwarded-Proto", "Zeta", "accept");
    }

    @Test
    void on_the_default_stage_the_path_has_no_prefix_and_no_deployment_id_is_sent() throws Exception {
        JsonNode event = tree(TestExchange.httpApi("GET", "/hello"));

        assertThat(event.get("path").textValue()).isEqualTo("/hello");
        assertThat(event.at("/requestContext/path").textValue()).isEqualTo("/hello");
        assertThat(event.at("/requestContext/stage").textValue()).isEqualTo("$default");
        assertThat(event.get("requestContext").has("deploymentId")).isFalse();
    }

    @Test
    void request_id_and_extended_request_id_are_the_same_id() throws Exception {
        JsonNode context = tree(TestExchange.httpApi("GET", "/")).get("requestContext");

        assertThat(context.get("extendedRequestId").textValue()).isEqualTo(context.get("requestId").textValue());
    }

    @Test
    void a_binary_body_is_base64_by_the_http_api_rule() throws Exception {
        JsonNode event = tree(TestExchange.httpApi("POST", "/")
                .header("Content-Type", "application/pdf").body(new byte[] {1, 2}));

        assertThat(event.get("isBase64Encoded").booleanValue()).isTrue();
        assertThat(event.get("body").textValue()).isEqualTo("AQI=");
        assertThat(event.at("/headers/Content-Length").textValue()).isEqualTo("2");
    }
}
