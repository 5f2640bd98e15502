package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $util}: commons-lang 2.x JavaScript escaping, form URL encoding, base64 and parseJson. */
class UtilVariableTest {
    private final UtilVariable util = new UtilVariable();

    @Nested
    class EscapeJavaScript {
        @Test
        void turns_a_single_quote_into_an_escaped_one_as_the_reference_says() {
            assertThat(util.escapeJavaScript("it's")).isEqualTo("it\\'s");
        }

        @Test
        void escapes_double_quotes_backslashes_and_forward_slashes() {
            assertThat(util.escapeJavaScript("say \"hi\" \\ </script>")).isEqualTo("say \\\"hi\\\" \\\\ <\\/script>");
        }

        @Test
        void writes_the_five_named_control_characters_as_short_escapes() {
            assertThat(util.escapeJavaScript("\b\t\n\f\r")).isEqualTo("\\b\\t\\n\\f\\r");
        }

        @Test
        void writes_other_control_characters_and_non_ascii_as_upper_case_unicode_escapes() {
            assertThat(util.escapeJavaScript("\u0000\u001f café ū ⅀ 😀"))
                    .isEqualTo("\\u0000\\u001F caf\\u00E9 \\u016B \\u2140 \\uD83D\\uDE00");
        }

        @Test
        void leaves_delete_and_printable_ascii_alone() {
            assertThat(util.escapeJavaScript("\u007f a-z{}[]:,")).isEqualTo("\u007f a-z{}[]:,");
        }

        @Test
        void escapes_a_json_document_so_it_fits_in_a_string_and_replaceAll_undoes_the_quote() {
            String escaped = util.escapeJavaScript("{\"name\":\"O'Brien\"}");
            assertThat(escaped).isEqualTo("{\\\"name\\\":\\\"O\\'Brien\\\"}");
            assertThat(escaped.replaceAll("\\\\'", "'")).isEqualTo("{\\\"name\\\":\\\"O'Brien\\\"}");
        }

        @Test
        void passes_null_through() {
            assertThat(util.escapeJavaScript(null)).isNull();
        }
    }

    @Nested
    class UrlEncoding {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "some raw data|some+raw+data",
            "{\"some\": \"value\"}|%7B%22some%22%3A+%22value%22%7D",
            "{}|%7B%7D",
            "a=b&c=d|a%3Db%26c%3Dd",
            "é~*-_.|%C3%A9%7E*-_.",
        })
        void encodes_as_application_x_www_form_urlencoded_in_utf8(String text, String encoded) {
            assertThat(util.urlEncode(text)).isEqualTo(encoded);
            assertThat(util.urlDecode(encoded)).isEqualTo(text);
        }

        @Test
        void decodes_plus_as_space_and_percent_2B_as_plus() {
            assertThat(util.urlDecode("x=a+b%2Bc")).isEqualTo("x=a b+c");
        }
    }

    @Nested
    class Base64 {
        @Test
        void encodes_and_decodes_utf8_text() {
            assertThat(util.base64Encode("héllo wörld")).isEqualTo("aMOpbGxvIHfDtnJsZA==");
            assertThat(util.base64Decode("aMOpbGxvIHfDtnJsZA==")).isEqualTo("héllo wörld");
        }

        @Test
        void rejects_text_that_is_not_base64() {
            assertThatThrownBy(() -> util.base64Decode("%%%")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ParseJson {
        @Test
        void gives_navigable_maps_and_lists_as_in_the_reference_example() {
            Object parsed = util.parseJson("{\"key1\":\"var1\",\"key2\":{\"arr\":[1,2,3]}}");
            assertThat(parsed).isInstanceOf(Map.class);
            Object arr = ((Map<?, ?>) ((Map<?, ?>) parsed).get("key2")).get("arr");
            assertThat(arr).isInstanceOf(List.class).hasToString("[1,2,3]");
        }

        @Test
        void prints_like_input_path_results() {
            assertThat(util.parseJson("{\"a\":[{\"b\":\"c\"}],\"d\":1}")).hasToString("{a=[{\"b\":\"c\"}], d=1}");
            assertThat(util.parseJson("[1,\"x\"]")).hasToString("[1,\"x\"]");
        }

        @Test
        void parses_scalars() {
            assertThat(util.parseJson("\"string\"")).isEqualTo("string");
            assertThat(util.parseJson("1")).isEqualTo(1);
            assertThat(util.parseJson("true")).isEqualTo(true);
        }

        @Test
        void fails_on_text_that_is_not_json() {
            assertThatThrownBy(() -> util.parseJson("{\"a\":")).isInstanceOf(RuntimeException.class);
        }
    }
}
