package dev.apigw.emulator.routing;

import static dev.apigw.emulator.routing.TestApis.MOCK;
import static dev.apigw.emulator.routing.TestApis.restApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.RestApi;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestRouteTableTest {

    private static MatchedRoute match(RestApi api, String method, String rawPath) {
        return new RestRouteTable(api, "dev").match(GatewayRequest.of(method, rawPath));
    }

    /** "resource METHOD" of the model method that serves the request, e.g. {@code /a ANY}. */
    private static String served(RestApi api, String method, String rawPath) {
        MatchedRoute route = match(api, method, rawPath);
        return route.resourcePath() + " " + Objects.requireNonNull(route.method()).httpMethod();
    }

    private static void assertNotFound(RestApi api, String method, String rawPath) {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> match(api, method, rawPath));
        assertThat(e).as("%s %s", method, rawPath).isNotNull();
        assertThat(e.error()).isEqualTo(GatewayError.ROUTE_NOT_FOUND);
    }

    @Nested
    class Precedence {
        private final RestApi api = restApi(
                "ANY /", "ANY /pets", "ANY /pets/dog", "ANY /pets/{id}", "ANY /pets/{id}/toys",
                "ANY /proxy/{proxy+}", "ANY /proxy/bar/{param}", "ANY /{proxy+}");

        @ParameterizedTest
        @CsvSource({
            "/dev/pets/dog,            /pets/dog",
            "/dev/pets/cat,            /pets/{id}",
            "/dev/pets/cat/toys,       /pets/{id}/toys",
            "/dev/pets/dog/toys,       /pets/{id}/toys",
            "/dev/pets/cat/bowls,      /{proxy+}",
            "/dev/proxy/bar/foobar,    /proxy/bar/{param}",
            "/dev/proxy/test2/a/b,     /proxy/{proxy+}",
            "/dev/proxy/bar/foobar/x,  /proxy/{proxy+}",
            "/dev/other,               /{proxy+}",
            "/dev,                     /",
            "/dev/,                    /",
        })
        void static_segment_beats_path_variable_beats_greedy(String rawPath, String resource) {
            assertThat(match(api, "GET", rawPath).resourcePath()).isEqualTo(resource);
        }

        @Test
        void path_matching_is_case_sensitive() {
            assertThat(match(api, "GET", "/dev/Pets").resourcePath()).isEqualTo("/{proxy+}");
        }
    }

    @Nested
    class Backtracking {
        @Test
        void static_branch_that_cannot_complete_the_path_falls_back_to_root_greedy() {
            RestApi api = restApi("GET /a", "GET /a/b", "GET /{p+}");

            MatchedRoute route = match(api, "GET", "/dev/a/c");

            assertThat(route.resourcePath()).isEqualTo("/{p+}");
            assertThat(route.pathParameters()).containsExactly(Map.entry("p", "a/c"));
        }

        @Test
        void resource_without_the_method_is_skipped_for_a_less_specific_one_that_has_it() {
            RestApi api = restApi("POST /a", "OPTIONS /{p+}");

            assertThat(served(api, "OPTIONS", "/dev/a")).isEqualTo("/{p+} OPTIONS");
            assertThat(served(api, "POST", "/dev/a")).isEqualTo("/a POST");
            assertNotFound(api, "GET", "/dev/a");
        }

        @Test
        void resource_with_any_keeps_winning_over_the_greedy_one() {
            RestApi api = restApi("ANY /a", "OPTIONS /{p+}");

            assertThat(served(api, "OPTIONS", "/dev/a")).isEqualTo("/a ANY");
        }

        @Test
        void path_variable_branch_is_tried_after_a_failing_static_branch() {
            RestApi api = restApi("GET /a/b", "GET /{x}/c");

            assertThat(match(api, "GET", "/dev/a/c").pathParameters()).containsExactly(Map.entry("x", "a"));
        }
    }

    @Nested
    class Methods {
        @ParameterizedTest
        @ValueSource(strings = {"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"})
        void any_covers_every_method(String method) {
            RestApi api = restApi("ANY /a");

            MatchedRoute route = match(api, method, "/dev/a");

            assertThat(route.httpMethod()).isEqualTo(method);
            assertThat(served(api, method, "/dev/a")).isEqualTo("/a ANY");
        }

        @ParameterizedTest
        @CsvSource({"GET, /a GET", "POST, /a ANY", "HEAD, /a ANY"})
        void explicit_method_beats_any_on_the_same_resource(String method, String expected) {
            RestApi api = restApi("ANY /a", "GET /a");

            assertThat(served(api, method, "/dev/a")).isEqualTo(expected);
        }

        @Test
        void head_is_not_served_by_get() {
            assertNotFound(restApi("GET /a"), "HEAD", "/dev/a");
        }

        @ParameterizedTest
        @ValueSource(strings = {"TRACE", "CONNECT", "ANY", "get"})
        void methods_api_gateway_does_not_know_find_nothing(String method) {
            assertNotFound(restApi("ANY /a"), method, "/dev/a");
        }

        @Test
        void undefined_method_on_an_existing_path_is_not_found() {
            assertNotFound(restApi("GET /a"), "DELETE", "/dev/a");
        }
    }

    @Nested
    class Slashes {
        private final RestApi api = restApi("ANY /hardcoded", "ANY /resource/{name}", "ANY /{proxy+}");

        @ParameterizedTest
        @CsvSource({
            "/dev/proxy-value,                /{proxy+},         /proxy-value,                proxy-value",
            "/dev/proxy-value/,               /{proxy+},         /proxy-value/,               proxy-value",
            "/dev/proxy-value//double-slash,  /{proxy+},         /proxy-value//double-slash,  proxy-value//double-slash",
            "//dev/proxy-value,               /{proxy+},         /proxy-value,                proxy-value",
            "/dev//proxy-value,               /{proxy+},         /proxy-value,                proxy-value",
            "/dev//hardcoded,                 /hardcoded,        /hardcoded,                  ",
            "/dev/hardcoded/,                 /hardcoded,        /hardcoded/,                 ",
            "/dev/resource/x/,                /resource/{name},  /resource/x/,                x",
        })
        void slashes_as_aws_handles_them(String rawPath, String resource, String path, String parameter) {
            MatchedRoute route = match(api, "GET", rawPath);

            assertThat(route.resourcePath()).isEqualTo(resource);
            assertThat(route.path()).isEqualTo(path);
            if (parameter == null) {
                assertThat(route.pathParameters()).isEmpty();
            } else {
                assertThat(route.pathParameters().values()).containsExactly(parameter);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"/dev/resource/", "/dev/resource//", "/dev/resource//x"})
        void path_variable_never_matches_an_empty_segment(String rawPath) {
            assertNotFound(restApi("GET /resource/{name}"), "GET", rawPath);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/dev", "/dev/", "/dev//"})
        void greedy_variable_needs_at_least_one_segment(String rawPath) {
            assertNotFound(restApi("GET /{proxy+}"), "GET", rawPath);
        }

        @Test
        void greedy_value_keeps_empty_inner_segments_but_never_starts_with_one() {
            RestApi greedyBelowA = restApi("GET /a/{proxy+}");

            assertThat(match(greedyBelowA, "GET", "/dev/a/b//c").pathParameters()).containsEntry("proxy", "b//c");
            assertNotFound(greedyBelowA, "GET", "/dev/a//b");
        }
    }

    @Nested
    class Stage {
        private final RestApi api = restApi("ANY /", "ANY /pets");

        @ParameterizedTest
        @ValueSource(strings = {"/prod/pets", "/pets", "/", "", "/devx/pets", "/de/pets", "/DEV/pets"})
        void request_outside_the_stage_is_not_found(String rawPath) {
            assertNotFound(api, "GET", rawPath);
        }

        @ParameterizedTest
        @CsvSource({"/dev, /", "/dev/, /", "/dev/pets, /pets"})
        void root_resource_and_path_below_the_stage(String rawPath, String path) {
            MatchedRoute route = match(api, "GET", rawPath);

            assertThat(route.stage()).isEqualTo("dev");
            assertThat(route.path()).isEqualTo(path);
        }

        @Test
        void stage_name_must_be_one_segment() {
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new RestRouteTable(api, "a/b")))
                    .hasMessageContaining("a/b");
        }
    }

    @Nested
    class Result {
        @ParameterizedTest
        @CsvSource({
            "/dev/api/user/test%2Balias@gmail.com,  proxy,  api/user/test%2Balias@gmail.com",
            "/dev/proxy-value/api,                  proxy,  proxy-value/api",
            "/dev/pets/a%20b,                       id,     a%20b",
            "/dev/pets/%2F,                         id,     %2F",
        })
        void path_parameters_are_raw(String rawPath, String name, String value) {
            RestApi api = restApi("GET /pets/{id}", "GET /{proxy+}");

            assertThat(match(api, "GET", rawPath).pathParameters()).containsExactly(Map.entry(name, value));
        }

        @Test
        void path_parameters_come_in_template_order() {
            RestApi api = restApi("GET /users/{user}/pets/{pet}/{rest+}");

            MatchedRoute route = match(api, "GET", "/dev/users/u1/pets/p2/a/b");

            assertThat(route.pathParameters())
                    .containsExactly(Map.entry("user", "u1"), Map.entry("pet", "p2"), Map.entry("rest", "a/b"));
        }

        @Test
        void matched_route_describes_the_resource_and_method() {
            RestApi api = restApi("ANY /pets/{id}");

            MatchedRoute route = match(api, "PATCH", "/dev/pets/7?x=1");

            assertThat(route.stage()).isEqualTo("dev");
            assertThat(route.path()).isEqualTo("/pets/7");
            assertThat(route.resourcePath()).isEqualTo("/pets/{id}");
            assertThat(route.routeKey()).isNull();
            assertThat(route.httpMethod()).isEqualTo("PATCH");
            assertThat(route.integration()).isSameAs(MOCK);
            assertThat(route.method()).isSameAs(api.resources().get(0).methods().values().iterator().next());
        }

        @Test
        void resource_ids_look_like_aws_and_are_stable() {
            RestApi api = restApi("GET /", "GET /pets", "GET /pets/{id}");

            String root = match(api, "GET", "/dev").resourceId();
            String pets = match(api, "GET", "/dev/pets").resourceId();
            String pet = match(api, "GET", "/dev/pets/1").resourceId();

            assertThat(root).matches("[a-z0-9]{10}");
            assertThat(pets).matches("[a-z0-9]{6}");
            assertThat(pet).matches("[a-z0-9]{6}").isNotEqualTo(pets);
            assertThat(match(restApi("GET /pets"), "GET", "/dev/pets").resourceId()).isEqualTo(pets);
        }

        @Test
        void not_found_detail_names_the_request() {
            GatewayException e = catchThrowableOfType(GatewayException.class,
                    () -> match(restApi("GET /pets"), "GET", "/dev/nope"));

            assertThat(e.getMessage()).contains("no resource matches GET /dev/nope");
        }
    }
}
