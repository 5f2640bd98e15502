package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import dev.apigw.emulator.mapping.ParameterMapping.MappedIntegration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterMappingCompileTest {
    private static final String REQUEST = "paths./pets.get.x-amazon-apigateway-integration.requestParameters";
    private static final String RESPONSE = "paths./pets.get.x-amazon-apigateway-integration.responses.default"
            + ".responseParameters";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"integration.request.body.x", "integration.request.header", "integration.request.header.",
        "integration.request.cookie.x", "method.request.header.x", "integration.response.header.x",
        "integration.request.header.x y", "header.x"})
    void malformed_request_key_is_reported_with_its_location(String key) {
        assertThatThrownBy(() -> ParameterMapping.compileRequest(Map.of(key, "'v'"), REQUEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(REQUEST + "." + key + ": expected a key of the form "
                        + "integration.request.{path|querystring|header}.NAME");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "method.request.header", "method.request.header.", "method.request.cookie.x",
        "method.request.querystrings.x", "integration.response.header.x", "request.header.x", "$request.header.x",
        "static", "'unclosed", "stageVariables.", "context.", "method.request.body.", "method.request.path.a b"})
    void malformed_request_source_is_reported_with_its_location(String source) {
        String key = "integration.request.header.x-out";
        assertThatThrownBy(() -> ParameterMapping.compileRequest(Map.of(key, source), REQUEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(REQUEST + "." + key + ": ");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
        "Content-Length           | HTTP | true",
        "transfer-encoding        | HTTP | true",
        "X-Amzn-Trace-Id          | HTTP | true",
        "X-Amzn-Apigateway-Api-Id | HTTP | true",
        "Authorization            | HTTP | false",
        "Connection               | HTTP | false",
        "Expect                   | HTTP | false",
        "Proxy-Authenticate       | HTTP | false",
        "TE                       | HTTP | false",
        "Content-Length           | AWS  | true",
        "Transfer-Encoding        | AWS  | true",
        "X-Amzn-Trace-Id          | AWS  | true",
        "X-Amzn-Apigateway-Api-Id | AWS  | true",
        "Authorization            | AWS  | true",
        "connection               | AWS  | true",
        "Expect                   | AWS  | true",
        "Proxy-Authenticate       | AWS  | true",
        "TE                       | AWS  | true",
        "X-Custom                 | AWS  | false",
        "Content-Type             | AWS  | false"})
    void mapping_to_a_header_api_gateway_owns_is_a_configuration_error(String header, MappedIntegration integration,
            boolean rejected) {
        Map<String, String> mapping = Map.of("integration.request.header." + header, "'v'");
        if (rejected) {
            assertThatThrownBy(() -> ParameterMapping.compileRequest(mapping, REQUEST, integration))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(REQUEST + ".integration.request.header." + header + ": API Gateway sets "
                            + header + " itself")
                    .hasMessageEndingWith("remove this mapping");
        } else {
            assertThatCode(() -> ParameterMapping.compileRequest(mapping, REQUEST, integration))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"path", "querystring"})
    void owned_header_names_are_fine_for_path_and_querystring_targets(String location) {
        assertThatCode(() -> ParameterMapping.compileRequest(
                Map.of("integration.request." + location + ".Content-Length", "'v'"), REQUEST, MappedIntegration.AWS))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
        "Expect             | HTTP | true",
        "Proxy-Authenticate | HTTP | true",
        "te                 | HTTP | true",
        "Via                | HTTP | true",
        "Referer            | HTTP | false",
        "Expect             | AWS  | true",
        "Referer            | AWS  | true",
        "Via                | AWS  | false",
        "X-Custom           | AWS  | false"})
    void headers_dropped_from_the_integration_request_depend_on_the_integration(String header,
            MappedIntegration integration, boolean dropped) {
        assertThat(integration.drops(header)).isEqualTo(dropped);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"method.response.header", "method.response.header.", "method.response.body.x",
        "integration.response.header.x", "method.response.header.a b"})
    void malformed_response_key_is_reported_with_its_location(String key) {
        assertThatThrownBy(() -> ParameterMapping.compileResponse(Map.of(key, "'v'"), RESPONSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(RESPONSE + "." + key + ": expected a key of the form "
                        + "method.response.header.NAME");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "method.request.header.x", "method.request.body", "integration.response.path.x",
        "integration.response.querystring.x", "integration.response.header.", "x"})
    void malformed_response_source_is_reported_with_its_location(String source) {
        String key = "method.response.header.X-Out";
        assertThatThrownBy(() -> ParameterMapping.compileResponse(Map.of(key, source), RESPONSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(RESPONSE + "." + key + ": expected integration.response.");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"method.request.path.id", "method.request.querystring.q",
        "method.request.multivaluequerystring.q", "method.request.header.h", "method.request.multivalueheader.h",
        "method.request.body", "method.request.body.a.b[0]", "method.request.body[0].a", "stageVariables.s",
        "context.identity.sourceIp", "'static'", "''", " 'padded' "})
    void every_request_source_kind_compiles(String source) {
        assertThatCode(() -> ParameterMapping.compileRequest(Map.of("integration.request.header.x", source), REQUEST))
                .doesNotThrowAnyException();
    }
}
