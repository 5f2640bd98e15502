package dev.apigw.emulator.routing;

import static dev.apigw.emulator.routing.TestApis.MOCK;
import static dev.apigw.emulator.routing.TestApis.httpApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.HttpApi;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRouteTableTest {

    private static MatchedRoute match(HttpApi api, String stage, String method, String rawPath) {
        return new HttpRouteTable(api, stage).match(GatewayRequest.of(method, rawPath));
    }

    private static String routeKey(HttpApi api, String method, String rawPath) {
        return match(api, "$default", method, rawPath).routeKey();
    }

    private static void assertNotFound(HttpApi api, String stage, String method, String rawPath) {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> match(api, stage, method, rawPath));
        assertThat(e).as("%s %s", method, rawPath).isNotNull();
        assertThat(e.error()).isEqualTo(GatewayError.ROUTE_NOT_FOUND);
    }

    @Nested
    class Priority {
        private final HttpApi docsExample =
                httpApi("GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}");

        /** The table in https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html. */
        @ParameterizedTest
        @CsvSource({
            "GET,  /pets/dog/1,  GET /pets/dog/1",
            "GET,  /pets/dog/2,  GET /pets/dog/{id}",
            "GET,  /pets/cat/1,  GET /pets/{proxy+}",
            "POST, /test/5,      ANY /{proxy+}",
        })
        void routes_as_in_the_aws_documentation(String method, String rawPath, String expected) {
            assertThat(routeKey(docsExample, method, rawPath)).isEqualTo(expected);
        }

        @Test
        void full_match_beats_a_greedy_route_even_when_less_specific() {
            HttpApi api = httpApi("ANY /{a}/{b}", "GET /pets/{proxy+}");

            assertThat(routeKey(api, "GET", "/pets/cat")).isEqualTo("ANY /{a}/{b}");
            assertThat(routeKey(api, "GET", "/pets/cat/1")).isEqualTo("GET /pets/{proxy+}");
        }

        @Test
        void longest_static_prefix_wins_among_greedy_routes() {
            HttpApi api = httpApi("GET /{proxy+}", "GET /pets/{proxy+}", "GET /pets/dog/{proxy+}");

            assertThat(routeKey(api, "GET", "/pets/dog/1")).isEqualTo("GET /pets/dog/{proxy+}");
            assertThat(routeKey(api, "GET", "/pets/cat/1")).isEqualTo("GET /pets/{proxy+}");
            assertThat(routeKey(api, "GET", "/toys/1")).isEqualTo("GET /{proxy+}");
        }

        @ParameterizedTest
        @CsvSource({"GET, GET /pets", "POST, ANY /pets", "HEAD, ANY /pets"})
        void any_matches_methods_not_defined_for_the_path(String method, String expected) {
            HttpApi api = httpApi("GET /pets", "ANY /pets");

            assertThat(routeKey(api, method, "/pets")).isEqualTo(expected);
        }

        @Test
        void route_without_the_method_falls_through_to_greedy_then_default() {
            HttpApi api = httpApi("POST /pets", "GET /{proxy+}", "$default");

            assertThat(routeKey(api, "GET", "/pets")).isEqualTo("GET /{proxy+}");
            assertThat(routeKey(api, "PUT", "/pets")).isEqualTo("$default");
        }

        @Test
        void head_is_not_served_by_get() {
            assertNotFound(httpApi("GET /pets"), "$default", "HEAD", "/pets");
        }
    }

    @Nested
    class DefaultRoute {
        @Test
        void default_route_catches_what_no_route_matches() {
            HttpApi api = httpApi("GET /pets", "$default");

            MatchedRoute route = match(api, "$default", "DELETE", "/store/checkout");

            assertThat(route.routeKey()).isEqualTo("$default");
            assertThat(route.resourcePath()).isEqualTo("$default");
            assertThat(route.path()).isEqualTo("/store/checkout");
            assertThat(route.pathParameters()).isEmpty();
            assertThat(route.httpMethod()).isEqualTo("DELETE");
        }

        @ParameterizedTest
        @CsvSource({"OPTIONS, OPTIONS /{proxy+}", "GET, $default"})
        void options_greedy_route_beats_default(String method, String expected) {
            HttpApi api = httpApi("OPTIONS /{proxy+}", "$default");

            assertThat(routeKey(api, method, "/anything/below")).isEqualTo(expected);
        }

        @Test
        void without_a_default_route_nothing_matches() {
            assertNotFound(httpApi("GET /pets"), "$default", "GET", "/toys");
        }
    }

    @Nested
    class Stage {
        private final HttpApi api = httpApi("GET /pets/{id}", "GET /");

        @Test
        void default_stage_serves_the_api_at_the_root() {
            MatchedRoute route = match(api, "$default", "GET", "/pets/1");

            assertThat(route.stage()).isEqualTo("$default");
            assertThat(route.path()).isEqualTo("/pets/1");
        }

        @ParameterizedTest
        @CsvSource({"/prod/pets/1, /pets/1, GET /pets/{id}", "/prod, /, GET /", "/prod/, /, GET /"})
        void named_stage_is_the_first_segment(String rawPath, String path, String routeKey) {
            MatchedRoute route = match(api, "prod", "GET", rawPath);

            assertThat(route.stage()).isEqualTo("prod");
            assertThat(route.path()).isEqualTo(path);
            assertThat(route.routeKey()).isEqualTo(routeKey);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/pets/1", "/dev/pets/1", "/production/pets/1", "/"})
        void request_outside_a_named_stage_is_not_found(String rawPath) {
            assertNotFound(httpApi("GET /pets/{id}", "$default"), "prod", "GET", rawPath);
        }
    }

    @Nested
    class Result {
        @ParameterizedTest
        @CsvSource({
            "/pets/a%20b,                     GET /pets/{id},  id,     a%20b",
            "/files/docs/a%2Fb/c.txt,         GET /files/{proxy+},  proxy,  docs/a%2Fb/c.txt",
            "/files/docs/,                    GET /files/{proxy+},  proxy,  docs",
        })
        void path_parameters_are_raw_and_greedy_has_no_leading_slash(
                String rawPath, String routeKey, String name, String value) {
            HttpApi api = httpApi("GET /pets/{id}", "GET /files/{proxy+}");

            MatchedRoute route = match(api, "$default", "GET", rawPath);

            assertThat(route.routeKey()).isEqualTo(routeKey);
            assertThat(route.pathParameters()).containsExactly(Map.entry(name, value));
        }

        @Test
        void trailing_slash_is_ignored_for_matching_as_on_rest_apis() {
            MatchedRoute route = match(httpApi("GET /pets"), "$default", "GET", "/pets/");

            assertThat(route.routeKey()).isEqualTo("GET /pets");
            assertThat(route.path()).isEqualTo("/pets/");
        }

        @Test
        void empty_segment_matches_no_path_variable() {
            assertNotFound(httpApi("GET /pets/{id}"), "$default", "GET", "/pets//");
        }

        @Test
        void matched_route_describes_the_route() {
            MatchedRoute route = match(httpApi("GET /pets/{id}"), "$default", "GET", "/pets/7");

            assertThat(route.resourcePath()).isEqualTo("/pets/{id}");
            assertThat(route.routeKey()).isEqualTo("GET /pets/{id}");
            assertThat(route.resourceId()).matches("[a-z0-9]{7}");
            assertThat(route.integration()).isSameAs(MOCK);
            assertThat(route.method()).isNull();
        }
    }
}
