package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.apigw.emulator.mapping.HttpApiParameterMapping.ResponseParts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpApiParameterMappingResponseTest {
    private static final String LOCATION = "paths./pets.get.x-amazon-apigateway-integration.responseParameters";

    private static final Function<String, @Nullable String> CONTEXT = Map.of("requestId", "req-1")::get;

    private static final String BODY = "{\"error\":{\"code\":\"E42\"},\"status\":\"418\"}";

    private static ResponseParts response(int status) {
        return new ResponseParts(status, Map.of("X-Backend", List.of("b1", "b2"), "Keep", List.of("k")));
    }

    private static ResponseParts map(Map<String, Map<String, String>> responseParameters, int status) {
        return HttpApiParameterMapping.compileResponse(responseParameters, LOCATION)
                .apply(response(status), BODY, CONTEXT, Map.of("environmentId", "prod"));
    }

    @Test
    void overwrite_statuscode_changes_the_status_of_responses_with_the_configured_status() {
        // The "Change the response from an integration" example of the AWS guide.
        Map<String, Map<String, String>> mapping = Map.of(
                "500", Map.of("append:header.header1", "$context.requestId", "overwrite:statuscode", "403"),
                "404", Map.of("append:header.error", "$stageVariables.environmentId"));

        ResponseParts failed = map(mapping, 500);
        ResponseParts missing = map(mapping, 404);

        assertThat(failed.statusCode()).isEqualTo(403);
        assertThat(failed.headers()).containsEntry("header1", List.of("req-1"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers()).containsEntry("error", List.of("prod"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {200, 201, 400, 404, 503})
    void responses_with_another_status_are_unchanged(int status) {
        assertThat(map(Map.of("500", Map.of("overwrite:statuscode", "403", "remove:header.Keep", "")), status))
                .isEqualTo(response(status));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "$response.header.x-backend        | 'b1,b2'",
        "${response.header.KEEP}           | k",
        "$response.body.error.code         | E42",
        "${response.body.error}            | '{\"code\":\"E42\"}'",
        "$response.body                    | '{\"error\":{\"code\":\"E42\"},\"status\":\"418\"}'",
        "$context.requestId                | req-1",
        "${stageVariables.environmentId}   | prod",
        "static                            | static",
        "code=${response.body.error.code}  | code=E42"})
    void every_value_kind_is_mapped(String value, String expected) {
        assertThat(map(Map.of("200", Map.of("overwrite:header.x-out", value)), 200).headers())
                .containsEntry("x-out", List.of(expected));
    }

    @Test
    void status_code_can_come_from_the_response() {
        assertThat(map(Map.of("200", Map.of("overwrite:statuscode", "$response.body.status")), 200).statusCode())
                .isEqualTo(418);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"$response.body.error.code", "$response.header.missing", "${response.body.missing}"})
    void status_code_value_that_is_not_a_status_leaves_the_status(String value) {
        assertThat(map(Map.of("200", Map.of("overwrite:statuscode", value)), 200).statusCode()).isEqualTo(200);
    }

    @Test
    void append_overwrite_and_remove_change_headers() {
        ResponseParts mapped = map(Map.of("200", Map.of("append:header.x-backend", "b3",
                "overwrite:header.keep", "new", "remove:header.x-gone", "''")), 200);

        assertThat(mapped.headers()).containsExactly(Map.entry("X-Backend", List.of("b1", "b2", "b3")),
                Map.entry("keep", List.of("new")));
    }

    @Test
    void remove_header_removes_a_backend_header() {
        assertThat(map(Map.of("200", Map.of("remove:header.x-backend", "")), 200).headers())
                .containsOnlyKeys("Keep");
    }

    @Test
    void no_mappings_leave_the_response_as_it_is() {
        assertThat(map(Map.of(), 200)).isEqualTo(response(200));
        assertThat(HttpApiParameterMapping.compileResponse(Map.of(), LOCATION).isEmpty()).isTrue();
    }
}
