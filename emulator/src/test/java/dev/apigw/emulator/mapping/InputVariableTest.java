package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $input}: body, JSONPath results as AWS prints them, and the method request's parameters. */
class InputVariableTest {
    private static InputVariable input(String body) {
        return new InputVariable(body, MethodRequestParameters.none());
    }

    @Nested
    class Body {
        @Test
        void is_the_raw_payload() {
            assertThat(input(" {\"a\": 1}\n").getBody()).isEqualTo(" {\"a\": 1}\n");
        }

        @Test
        void reads_as_an_empty_object_when_there_is_no_payload() {
            assertThat(input("").getBody()).isEqualTo("{}");
            assertThat(input("").json("$")).isEqualTo("{}");
        }
    }

    @Nested
    class Path {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "{\"json\":{\"foo\":\"bar\"}}|{foo=bar}",
            "{\"json\":[{\"foo\":\"bar\"}]}|[{\"foo\":\"bar\"}]",
            "{\"json\":{\"foo\":[{\"nested\":\"bar\"}]}}|{foo=[{\"nested\":\"bar\"}]}",
            "{\"json\":{\"bigger\":\"dict\",\"to\":\"test\",\"with\":\"separators\"}}|{bigger=dict, to=test, with=separators}",
            "{\"json\":{\"list\":[{\"foo\":\"bar\"}]}}|{list=[{\"foo\":\"bar\"}]}",
            "{\"json\":[]}|[]",
        })
        void prints_maps_as_java_maps_and_lists_as_compact_json(String body, String printed) {
            assertThat(input(body).path("$.json")).hasToString(printed);
        }

        @Test
        void gives_null_for_a_missing_path_and_for_a_json_null() {
            assertThat(input("{\"v\":null}").path("$.v")).isNull();
            assertThat(input("{\"v\":null}").path("$.missing")).isNull();
            assertThat(input("{\"v\":null}").path("$.missing.deeper")).isNull();
        }

        @Test
        void gives_native_numbers_strings_and_booleans() {
            InputVariable input = input("{\"i\":3,\"d\":249.99,\"s\":\"x\",\"b\":true,\"e\":1e3}");
            assertThat(input.path("$.i")).isEqualTo(3);
            assertThat(input.path("$.d")).isEqualTo(249.99);
            assertThat(input.path("$.s")).isEqualTo("x");
            assertThat(input.path("$.b")).isEqualTo(true);
            assertThat(input.path("$.e")).hasToString("1000.0");
        }

        @Test
        void returns_the_parsed_document_itself_so_changes_show_in_json() {
            InputVariable input = input("{\"id\":\"abc\"}");
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) input.path("$");
            root.put("url", "https://example.tld/abc");
            assertThat(input.json("$")).isEqualTo("{\"id\":\"abc\",\"url\":\"https:\\/\\/example.tld\\/abc\"}");
        }

        @Test
        void reads_a_text_body_leniently_as_the_default_jsonpath_provider_does() {
            assertThat(input("some raw data").path("$")).isEqualTo("some raw data");
            assertThat(input("some raw data").path("$.a")).isNull();
        }

        @Test
        void fails_on_a_body_that_is_not_even_lenient_json() {
            assertThatThrownBy(() -> input("{\"a\":1").path("$.a")).isInstanceOf(RuntimeException.class);
        }
    }

    @Nested
    class Json {
        private final InputVariable input = input("{\"name\":\"Bella\",\"age\":6,\"owner\":{\"id\":1},\"none\":null,"
                + "\"pets\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"site\":\"http://x/y\"}");

        @Test
        void quotes_strings_and_leaves_numbers_bare() {
            assertThat(input.json("$.name")).isEqualTo("\"Bella\"");
            assertThat(input.json("$.age")).isEqualTo("6");
        }

        @Test
        void writes_objects_and_arrays_as_compact_json_with_escaped_slashes() {
            assertThat(input.json("$.owner")).isEqualTo("{\"id\":1}");
            assertThat(input.json("$.pets[*].name")).isEqualTo("[\"a\",\"b\"]");
            assertThat(input.json("$.site")).isEqualTo("\"http:\\/\\/x\\/y\"");
        }

        @Test
        void writes_null_for_a_json_null_and_an_empty_json_string_for_a_missing_path() {
            assertThat(input.json("$.none")).isEqualTo("null");
            assertThat(input.json("$.missing")).isEqualTo("\"\"");
        }

        @Test
        void re_serialises_the_whole_body_compactly() {
            assertThat(input("{\n  \"a\" : [ 1, 2 ]\n}").json("$")).isEqualTo("{\"a\":[1,2]}");
        }
    }

    @Nested
    class Params {
        private final InputVariable input = new InputVariable("", MethodRequestParameters.of(
                GatewayRequest.of("GET", "/dev/pets/42?limit=10&tag=a&tag=b&shared=q&sp=a+b%2Bc",
                        Headers.of("X-Api-Version", "2", "shared", "h", "Connection", "close", "Accept", "*/*"),
                        new byte[0]),
                Map.of("id", "42", "shared", "p")));

        @Test
        void searches_path_then_query_string_then_headers() {
            assertThat(input.params("id")).isEqualTo("42");
            assertThat(input.params("limit")).isEqualTo("10");
            assertThat(input.params("X-Api-Version")).isEqualTo("2");
            assertThat(input.params("shared")).isEqualTo("p");
        }

        @Test
        void finds_headers_whatever_the_case_and_gives_empty_text_when_absent() {
            assertThat(input.params("x-api-version")).isEqualTo("2");
            assertThat(input.params("nothing")).isEmpty();
        }

        @Test
        void takes_the_last_value_of_a_repeated_parameter_and_decodes_the_query() {
            assertThat(input.params("tag")).isEqualTo("b");
            assertThat(input.params("sp")).isEqualTo("a b+c");
        }

        @Test
        void never_shows_connection_level_headers() {
            assertThat(input.params("Connection")).isEmpty();
        }

        @Test
        void maps_path_querystring_and_header_in_that_order() {
            Map<String, Object> all = input.params();
            assertThat(all.keySet()).containsExactly("path", "querystring", "header");
            assertThat(all.get("header")).hasToString("{Accept=*/*, shared=h, X-Api-Version=2}");
            assertThat(((Map<?, ?>) all.get("header")).get("accept")).isEqualTo("*/*");
            assertThat(all.get("querystring")).hasToString("{limit=10, tag=b, shared=q, sp=a b+c}");
            assertThat(input.params()).isSameAs(all);
        }
    }

    @Nested
    class MethodRequestParametersOf {
        @Test
        void drops_the_headers_aws_never_shows() {
            MethodRequestParameters parameters = MethodRequestParameters.of(GatewayRequest.of("POST", "/dev/x",
                    Headers.of("Connection", "keep-alive", "Content-Length", "2", "Content-MD5", "x", "Expect",
                            "100-continue", "Max-Forwards", "3", "Proxy-Authenticate", "x", "Server", "x", "TE",
                            "trailers", "Trailer", "x", "Transfer-Encoding", "chunked", "Upgrade", "h2c",
                            "WWW-Authenticate", "x", "Via", "1.1 proxy", "Content-Type", "text/plain"),
                    new byte[0]), Map.of());
            assertThat(parameters.header()).containsOnlyKeys("Content-Type", "Via");
        }

        @Test
        void groups_headers_ignoring_case_keeps_the_first_spelling_and_sorts_ignoring_case() {
            MethodRequestParameters parameters = MethodRequestParameters.of(GatewayRequest.of("GET", "/dev/x",
                    Headers.of("x-b", "1", "A", "2", "X-B", "3", "aUThorization", "t"), new byte[0]), Map.of());
            assertThat(parameters.header()).containsExactly(
                    Map.entry("A", List.of("2")), Map.entry("Authorization", List.of("t")),
                    Map.entry("x-b", List.of("1", "3")));
        }
    }
}
