package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.apigw.emulator.mapping.HttpApiParameterMapping.RequestParts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpApiParameterMappingRequestTest {
    private static final String LOCATION = "paths./pets/{petId}.get.x-amazon-apigateway-integration.requestParameters";

    private static final Function<String, @Nullable String> CONTEXT =
            Map.of("requestId", "req-1", "authorizer.claims.sub", "user-9")::get;

    private static final Map<String, String> STAGE = Map.of("env", "prod");

    private static RequestParts request() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Token", List.of("abc"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Keep", List.of("k"));
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("q", List.of("one", "two"));
        query.put("keep", List.of("k"));
        return new RequestParts(headers, query, "/pets/42", Map.of("petId", "42"),
                "{\"pet\":{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}}");
    }

    private static RequestParts map(Map<String, String> requestParameters) {
        return map(requestParameters, request());
    }

    private static RequestParts map(Map<String, String> requestParameters, RequestParts request) {
        return HttpApiParameterMapping.compileRequest(requestParameters, LOCATION).apply(request, CONTEXT, STAGE);
    }

    private static List<String> header(RequestParts request, String name) {
        return request.headers().getOrDefault(name, List.of());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "$request.header.token                 | abc",
        "${request.header.TOKEN}               | abc",
        "$request.header.x-multi               | 'a,b'",
        "$request.querystring.q                | 'one,two'",
        "${request.querystring.keep}           | k",
        "$request.body.pet.name                | Rex",
        "${request.body.pet.tags[1]}           | b",
        "$request.body.pet.tags                | '[\"a\",\"b\"]'",
        "$request.body                         | '{\"pet\":{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}}'",
        "$request.path                         | /pets/42",
        "${request.path}                       | /pets/42",
        "$request.path.petId                   | 42",
        "$context.requestId                    | req-1",
        "${context.authorizer.claims.sub}      | user-9",
        "$stageVariables.env                   | prod",
        "${stageVariables.env}                 | prod",
        "static text                           | static text",
        "Bearer ${request.header.token}        | Bearer abc",
        "${request.path.petId}-${stageVariables.env} | 42-prod",
        "cost: $5                              | cost: $5"})
    void every_value_kind_is_mapped(String value, String expected) {
        assertThat(header(map(Map.of("overwrite:header.x-out", value)), "x-out")).containsExactly(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"$request.header.missing", "${request.querystring.missing}", "$request.path.missing",
        "$request.body.pet.age", "$context.authorizer.principalId", "$stageVariables.missing"})
    void value_without_data_leaves_the_request_unchanged(String value) {
        RequestParts mapped = map(Map.of("overwrite:header.Keep", value, "append:header.x-new", value,
                "overwrite:querystring.keep", value, "append:querystring.new", value, "overwrite:path", value));

        assertThat(mapped).isEqualTo(request());
    }

    @Test
    void missing_variable_inside_text_renders_empty() {
        assertThat(header(map(Map.of("overwrite:header.x-out", "id=${request.header.missing};")), "x-out"))
                .containsExactly("id=;");
    }

    @Test
    void append_header_adds_a_new_header() {
        assertThat(header(map(Map.of("append:header.header1", "$context.requestId")), "header1"))
                .containsExactly("req-1");
    }

    @Test
    void append_header_adds_a_value_to_an_existing_header_of_any_case() {
        assertThat(header(map(Map.of("append:header.keep", "more")), "Keep")).containsExactly("k", "more");
    }

    @Test
    void overwrite_header_replaces_every_value_of_any_case() {
        RequestParts mapped = map(Map.of("overwrite:header.x-multi", "one"));

        assertThat(mapped.headers()).doesNotContainKey("X-Multi").containsEntry("x-multi", List.of("one"));
    }

    @Test
    void remove_header_removes_it_whatever_its_case() {
        assertThat(map(Map.of("remove:header.token", "''")).headers()).doesNotContainKey("Token");
    }

    @Test
    void rename_a_header_with_append_and_remove() {
        // The "Rename a request header" example of the AWS guide.
        RequestParts mapped = map(Map.of("append:header.header2", "$request.header.token", "remove:header.token", ""));

        assertThat(mapped.headers()).doesNotContainKey("Token").containsEntry("header2", List.of("abc"));
    }

    @Test
    void append_querystring_adds_a_value() {
        assertThat(map(Map.of("append:querystring.q", "three")).querystring()).containsEntry("q",
                List.of("one", "two", "three"));
    }

    @Test
    void overwrite_querystring_replaces_every_value() {
        assertThat(map(Map.of("overwrite:querystring.q", "only")).querystring()).containsEntry("q", List.of("only"));
    }

    @Test
    void remove_querystring_removes_it() {
        assertThat(map(Map.of("remove:querystring.q", "")).querystring()).containsOnlyKeys("keep");
    }

    @Test
    void querystring_names_are_case_sensitive() {
        RequestParts mapped = map(Map.of("remove:querystring.Q", "", "overwrite:header.x-out",
                "$request.querystring.Q"));

        assertThat(mapped.querystring()).containsKey("q");
        assertThat(mapped.headers()).doesNotContainKey("x-out");
    }

    @Test
    void overwrite_path_replaces_the_path() {
        assertThat(map(Map.of("overwrite:path", "/v2${request.path}")).path()).isEqualTo("/v2/pets/42");
    }

    @Test
    void every_value_is_read_from_the_original_request() {
        RequestParts mapped = map(Map.of("overwrite:header.Token", "new", "append:header.x-old",
                "$request.header.Token"));

        assertThat(mapped.headers()).containsEntry("Token", List.of("new")).containsEntry("x-old", List.of("abc"));
    }

    @Test
    void remove_then_overwrite_then_append_apply_in_that_order() {
        RequestParts mapped = map(Map.of("append:header.Keep", "2", "overwrite:header.Keep", "1",
                "remove:header.Keep", ""));

        assertThat(mapped.headers()).containsEntry("Keep", List.of("1", "2"));
    }

    @Test
    void body_that_is_not_json_has_no_json_path_values() {
        RequestParts request = new RequestParts(Map.of(), Map.of(), "/", Map.of(), "{not json");

        assertThat(map(Map.of("overwrite:header.x-out", "$request.body.a"), request).headers()).isEmpty();
        assertThat(map(Map.of("overwrite:header.x-out", "$request.body"), request).headers())
                .containsEntry("x-out", List.of("{not json"));
    }

    @Test
    void json_path_reads_only_the_first_100_kb_of_the_body() {
        String padding = "x".repeat(HttpApiParameterMappingSources.JSON_PATH_BODY_LIMIT);
        RequestParts large = new RequestParts(Map.of(), Map.of(), "/", Map.of(),
                "{\"a\":\"first\",\"pad\":\"" + padding + "\"}");

        assertThat(map(Map.of("overwrite:header.x-out", "$request.body.a"), large).headers()).isEmpty();
    }

    @Test
    void body_is_never_changed() {
        assertThat(map(Map.of("overwrite:header.x-out", "1")).body()).isEqualTo(request().body());
    }

    @Test
    void no_mappings_leave_the_request_as_it_is() {
        assertThat(map(Map.of())).isEqualTo(request());
        assertThat(HttpApiParameterMapping.compileRequest(Map.of(), LOCATION).isEmpty()).isTrue();
    }
}
