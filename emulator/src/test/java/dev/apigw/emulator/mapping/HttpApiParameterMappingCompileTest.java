package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpApiParameterMappingCompileTest {
    private static final String LOCATION = "paths./pets.get.x-amazon-apigateway-integration.requestParameters";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"access-control-allow-origin", "Access-Control-Max-Age", "apigw-requestid",
        "Authorization", "Connection", "Content-Encoding", "Content-Length", "Content-Location", "Forwarded",
        "Keep-Alive", "Origin", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailers", "Transfer-Encoding",
        "Upgrade", "x-amz-date", "X-Amzn-Trace-Id", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
        "Via"})
    void reserved_header_cannot_be_mapped_on_either_side(String header) {
        for (String action : new String[] {"append", "overwrite", "remove"}) {
            String key = action + ":header." + header;
            assertThatThrownBy(() -> HttpApiParameterMapping.compileRequest(Map.of(key, "v"), LOCATION))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(LOCATION + "." + key + ": API Gateway reserves the header " + header
                            + " and does not let parameter mapping change it; remove this mapping");
            assertThatThrownBy(() -> HttpApiParameterMapping.compileResponse(Map.of("200", Map.of(key, "v")),
                    LOCATION)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(LOCATION + ".200." + key + ": API Gateway reserves the header");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Host", "Content-Type", "Accept", "X-Custom", "Cookie", "x-amzX"})
    void other_headers_can_be_mapped(String header) {
        assertThatCode(() -> HttpApiParameterMapping.compileRequest(Map.of("overwrite:header." + header, "v"),
                LOCATION)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"overwrite:header", "overwrite:header.", "add:header.x", "overwrite:cookie.x",
        "append:path", "remove:path", "overwrite:statuscode", "overwrite.path", "Overwrite:header.x",
        "overwrite:header.a b", "header.x"})
    void malformed_request_key_is_reported_with_its_location(String key) {
        assertThatThrownBy(() -> HttpApiParameterMapping.compileRequest(Map.of(key, "v"), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(LOCATION + "." + key + ": expected a key of the form");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"overwrite:querystring.x", "overwrite:path", "append:statuscode", "overwrite:status"})
    void malformed_response_key_is_reported_with_its_location(String key) {
        assertThatThrownBy(() -> HttpApiParameterMapping.compileResponse(Map.of("200", Map.of(key, "v")), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(LOCATION + ".200." + key + ": expected a key of the form "
                        + "append|overwrite|remove:header.NAME or overwrite:statuscode");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"${request.header.x", "${foo.bar}", "${request.cookie.x}", "$request.body..name",
        "${request.body.items[?(@.a)]}", "$context.request-id", "${request.header.}", "${response.header.x}",
        "$response.header.x", "$request.body."})
    void malformed_request_value_is_reported_with_its_location(String value) {
        assertThatThrownBy(() -> HttpApiParameterMapping.compileRequest(Map.of("overwrite:header.x", value),
                LOCATION)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(LOCATION + ".overwrite:header.x: ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"${request.header.x}", "$request.path", "${request.querystring.q}",
        "${response.path}", "$response.body..a"})
    void malformed_response_value_is_reported_with_its_location(String value) {
        assertThatThrownBy(() -> HttpApiParameterMapping.compileResponse(
                Map.of("200", Map.of("overwrite:header.x", value)), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(LOCATION + ".200.overwrite:header.x: ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"abc", "99", "600", "4030", "-1", ""})
    void static_status_code_must_be_a_status(String status) {
        assertThatThrownBy(() -> HttpApiParameterMapping.compileResponse(
                Map.of("500", Map.of("overwrite:statuscode", status)), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(LOCATION + ".500.overwrite:statuscode: '" + status + "' is not a status code");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"199", "600", "2xx", "default", ""})
    void response_parameters_are_keyed_by_a_status_from_200_to_599(String status) {
        assertThatThrownBy(() -> HttpApiParameterMapping.compileResponse(
                Map.of(status, Map.of("overwrite:statuscode", "403")), LOCATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(LOCATION + "." + status + ": response parameters are keyed by the integration's status "
                        + "code; use a status code from 200 to 599");
    }
}
