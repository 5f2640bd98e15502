package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterMappingResponseTest {
    private static final String LOCATION = "paths./pets.get.x-amazon-apigateway-integration.responses.default"
            + ".responseParameters";

    private static final Map<String, List<String>> HEADERS =
            Map.of("x-app-id", List.of("app-7"), "Set-Cookie", List.of("a=1", "b=2"));

    private static final Function<String, @Nullable String> CONTEXT = Map.of("requestId", "req-1")::get;

    private static final String BODY = "{\"redirect\":{\"url\":\"https://example.com/next\"},\"count\":3}";

    private static Map<String, String> map(Map<String, String> responseParameters, String body) {
        return ParameterMapping.compileResponse(responseParameters, LOCATION)
                .apply(HEADERS, body, CONTEXT, Map.of("env", "prod"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "integration.response.header.x-app-id           | app-7",
        "integration.response.header.X-APP-ID           | app-7",
        "integration.response.header.Set-Cookie         | b=2",
        "integration.response.multivalueheader.Set-Cookie | 'a=1,b=2'",
        "integration.response.body.redirect.url         | https://example.com/next",
        "integration.response.body.count                | 3",
        "integration.response.body.redirect             | '{\"url\":\"https://example.com/next\"}'",
        "stageVariables.env                             | prod",
        "context.requestId                              | req-1",
        "'''*'''                                    | *"})
    void every_source_kind_maps_a_method_response_header(String source, String expected) {
        assertThat(map(Map.of("method.response.header.X-Out", source), BODY))
                .containsExactly(Map.entry("X-Out", expected));
    }

    @Test
    void whole_body_source_maps_the_body_text() {
        assertThat(map(Map.of("method.response.header.X-Out", "integration.response.body"), BODY))
                .containsExactly(Map.entry("X-Out", BODY));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"integration.response.header.missing", "integration.response.multivalueheader.missing",
        "integration.response.body.redirect.port", "stageVariables.missing", "context.authorizer.principalId"})
    void source_without_a_value_sets_no_header(String source) {
        assertThat(map(Map.of("method.response.header.X-Out", source), BODY)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Authorization", "Connection", "Content-Length", "Content-MD5", "Date", "Expect", "Host",
        "Max-Forwards", "Proxy-Authenticate", "Server", "Trailer", "Upgrade", "User-Agent", "WWW-Authenticate"})
    void mapping_to_a_header_api_gateway_owns_reaches_the_client_remapped(String header) {
        assertThat(map(Map.of("method.response.header." + header, "'v'"), ""))
                .containsExactly(Map.entry("x-amzn-Remapped-" + header, "v"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Content-Type", "Pragma", "Warn", "Accept", "Location", "Access-Control-Allow-Origin"})
    void mapping_to_other_headers_sets_them_as_is(String header) {
        assertThat(map(Map.of("method.response.header." + header, "'v'"), "")).containsExactly(Map.entry(header, "v"));
    }

    @Test
    void headers_come_back_in_key_order() {
        assertThat(map(Map.of("method.response.header.B", "'2'", "method.response.header.A", "'1'",
                "method.response.header.C", "'3'"), "").keySet()).containsExactly("A", "B", "C");
    }

    @Test
    void empty_integration_body_maps_as_an_empty_object() {
        assertThat(map(Map.of("method.response.header.X-Out", "integration.response.body"), ""))
                .containsExactly(Map.entry("X-Out", "{}"));
    }

    @Test
    void integration_body_that_starts_like_json_but_is_not_fails_body_mappings() {
        assertThatThrownBy(() -> map(Map.of("method.response.header.X-Out", "integration.response.body.a"), "{oops"))
                .isInstanceOf(ParameterMapping.InvalidJsonBodyException.class)
                .hasMessage("Invalid JSON in integration response body");
    }

    @Test
    void no_mappings_map_nothing() {
        assertThat(map(Map.of(), "{oops")).isEmpty();
        assertThat(ParameterMapping.compileResponse(Map.of(), LOCATION).isEmpty()).isTrue();
    }
}
