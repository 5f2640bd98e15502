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

class ParameterMappingRequestTest {
    private static final String LOCATION = "paths./pets.get.x-amazon-apigateway-integration.requestParameters";

    private static final MethodRequestParameters PARAMS = new MethodRequestParameters(
            Map.of("id", "42"),
            Map.of("q", List.of("first", "last"), "single", List.of("one")),
            Map.of("X-Multi", List.of("a", "b"), "X-One", List.of("only")));

    private static final Function<String, @Nullable String> CONTEXT =
            Map.of("requestId", "req-1", "identity.sourceIp", "203.0.113.9")::get;

    private static final Map<String, String> STAGE = Map.of("env", "prod");

    private static IntegrationRequestParameters map(Map<String, String> requestParameters, String body) {
        return ParameterMapping.compileRequest(requestParameters, LOCATION).apply(PARAMS, body, CONTEXT, STAGE);
    }

    private static Map<String, List<String>> header(String source, String body) {
        return map(Map.of("integration.request.header.x-out", source), body).header();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "method.request.path.id                      | 42",
        "method.request.querystring.single           | one",
        "method.request.header.X-One                 | only",
        "method.request.body                         | '{\"pet\":{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}}'",
        "method.request.body.pet.name                | Rex",
        "method.request.body.pet.tags[1]             | b",
        "method.request.body.pet                     | '{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}'",
        "method.request.body.pet.tags                | '[\"a\",\"b\"]'",
        "stageVariables.env                          | prod",
        "context.requestId                           | req-1",
        "context.identity.sourceIp                   | 203.0.113.9",
        "'''static value'''                      | static value"})
    void every_source_kind_maps_its_value(String source, String expected) {
        assertThat(header(source, "{\"pet\":{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}}"))
                .containsExactly(Map.entry("x-out", List.of(expected)));
    }

    @Test
    void repeated_querystring_source_maps_its_last_value() {
        assertThat(header("method.request.querystring.q", "")).containsEntry("x-out", List.of("last"));
    }

    @Test
    void repeated_header_source_maps_its_last_value() {
        assertThat(header("method.request.header.X-Multi", "")).containsEntry("x-out", List.of("b"));
    }

    @Test
    void multivalue_header_source_is_joined_with_commas() {
        assertThat(header("method.request.multivalueheader.X-Multi", "")).containsEntry("x-out", List.of("a,b"));
    }

    @Test
    void multivalue_querystring_source_gives_a_querystring_several_values() {
        assertThat(map(Map.of("integration.request.querystring.all", "method.request.multivaluequerystring.q"), "")
                .querystring()).containsExactly(Map.entry("all", List.of("first", "last")));
    }

    @Test
    void multivalue_querystring_source_gives_a_path_parameter_its_joined_values() {
        assertThat(map(Map.of("integration.request.path.all", "method.request.multivaluequerystring.q"), "").path())
                .containsExactly(Map.entry("all", "first,last"));
    }

    @Test
    void every_key_kind_maps_to_its_location() {
        IntegrationRequestParameters mapped = map(Map.of(
                "integration.request.path.petId", "method.request.path.id",
                "integration.request.querystring.search", "method.request.querystring.single",
                "integration.request.header.x-pet", "'dog'"), "");

        assertThat(mapped.path()).containsExactly(Map.entry("petId", "42"));
        assertThat(mapped.querystring()).containsExactly(Map.entry("search", List.of("one")));
        assertThat(mapped.header()).containsExactly(Map.entry("x-pet", List.of("dog")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "method.request.path.missing",
        "method.request.querystring.missing",
        "method.request.multivaluequerystring.missing",
        "method.request.header.missing",
        "method.request.multivalueheader.missing",
        "method.request.body.pet.age",
        "method.request.body.pet.tags[5]",
        "stageVariables.missing",
        "context.authorizer.principalId"})
    void source_without_a_value_leaves_the_parameter_out(String source) {
        IntegrationRequestParameters mapped = map(Map.of(
                "integration.request.path.p", source,
                "integration.request.querystring.q", source,
                "integration.request.header.h", source), "{\"pet\":{\"tags\":[]}}");

        assertThat(mapped).isEqualTo(IntegrationRequestParameters.none());
    }

    @Test
    void header_source_names_match_ignoring_case() {
        assertThat(header("method.request.header.x-one", "")).containsEntry("x-out", List.of("only"));
    }

    @Test
    void querystring_source_names_are_case_sensitive() {
        assertThat(header("method.request.querystring.SINGLE", "")).isEmpty();
    }

    @Test
    void empty_static_value_is_mapped_as_empty_text() {
        assertThat(header("''", "")).containsEntry("x-out", List.of(""));
    }

    @Test
    void empty_body_maps_as_an_empty_object() {
        assertThat(header("method.request.body", "")).containsEntry("x-out", List.of("{}"));
    }

    @Test
    void body_that_does_not_start_like_json_maps_whole_but_has_no_json_fields() {
        assertThat(header("method.request.body", "<pet>Rex</pet>")).containsEntry("x-out", List.of("<pet>Rex</pet>"));
        assertThat(header("method.request.body.pet", "<pet>Rex</pet>")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{wrongjson", "\n  {\"a\": 1", "[1, 2", "'single quoted'", "\"unterminated", "{} trailing"})
    void body_that_starts_like_json_but_is_not_fails_every_body_mapping(String body) {
        for (String source : List.of("method.request.body", "method.request.body.a")) {
            assertThatThrownBy(() -> header(source, body))
                    .isInstanceOf(ParameterMapping.InvalidJsonBodyException.class)
                    .hasMessage("Invalid JSON in request body");
        }
    }

    @Test
    void invalid_json_body_does_not_matter_when_no_mapping_reads_the_body() {
        assertThat(header("method.request.path.id", "{wrongjson")).containsEntry("x-out", List.of("42"));
    }

    @Test
    void json_body_with_surrounding_whitespace_is_read() {
        assertThat(header("method.request.body.a", "  \n{\"a\": 7}\n")).containsEntry("x-out", List.of("7"));
    }

    @Test
    void json_path_may_start_with_an_index_into_a_top_level_array() {
        assertThat(header("method.request.body[1].name", "[{\"name\":\"a\"},{\"name\":\"b\"}]"))
                .containsEntry("x-out", List.of("b"));
    }

    @Test
    void no_mappings_map_nothing() {
        assertThat(map(Map.of(), "{bad")).isEqualTo(IntegrationRequestParameters.none());
        assertThat(ParameterMapping.compileRequest(Map.of(), LOCATION).isEmpty()).isTrue();
    }
}
