package dev.apigw.emulator.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Claims as strings, from payloads parsed the way {@link TokenVerifier} parses them (nimbus: integers as Long, other
 * numbers as Double, objects as maps).
 */
class ClaimTextTest {

    private static Map<String, Object> payload(String json) throws Exception {
        return JSONObjectUtils.parse(json);
    }

    @Test
    void http_integers_keep_their_digits() throws Exception {
        assertThat(ClaimText.http(payload("{\"exp\": 1787996002, \"zero\": 0, \"neg\": -42,"
                + " \"max\": 9223372036854775807}")))
                .containsExactly(Map.entry("exp", "1787996002"), Map.entry("zero", "0"), Map.entry("neg", "-42"),
                        Map.entry("max", "9223372036854775807"));
    }

    @Test
    void http_other_numbers_are_plain_decimals_without_exponent_or_trailing_zeros() throws Exception {
        assertThat(ClaimText.http(payload("{\"half\": 1.5, \"e3\": 1e3, \"whole\": 2.0, \"tiny\": -0.000001,"
                + " \"sci\": 1.787996002E9, \"fzero\": 0.0}")))
                .containsExactly(Map.entry("half", "1.5"), Map.entry("e3", "1000"), Map.entry("whole", "2"),
                        Map.entry("tiny", "-0.000001"), Map.entry("sci", "1787996002"), Map.entry("fzero", "0"));
    }

    @Test
    void http_an_integer_beyond_64_bits_keeps_a_doubles_precision_in_plain_digits() throws Exception {
        assertThat(ClaimText.http(payload("{\"big\": 123456789012345678901234567890}")))
                .containsEntry("big", "123456789012345680000000000000");
    }

    @Test
    void http_strings_and_booleans_are_as_written_and_a_scope_stays_one_string() throws Exception {
        assertThat(ClaimText.http(payload("{\"sub\": \"alice\", \"email_verified\": true, \"mfa\": false,"
                + " \"scope\": \"read write\"}")))
                .containsExactly(Map.entry("sub", "alice"), Map.entry("email_verified", "true"),
                        Map.entry("mfa", "false"), Map.entry("scope", "read write"));
    }

    @Test
    void http_lists_objects_and_null_print_as_go_does() throws Exception {
        assertThat(ClaimText.http(payload("{\"groups\": [\"admins\", \"ops\"], \"mixed\": [1, 2.5, true, null],"
                + " \"empty\": [], \"nested\": {\"z\": 1, \"a\": {\"c\": [\"x\"], \"b\": null}}, \"none\": null}")))
                .containsExactly(Map.entry("groups", "[admins ops]"), Map.entry("mixed", "[1 2.5 true <nil>]"),
                        Map.entry("empty", "[]"), Map.entry("nested", "map[a:map[b:<nil> c:[x]] z:1]"),
                        Map.entry("none", "<nil>"));
    }

    @Test
    void rest_exp_and_iat_are_java_dates_in_utc_and_other_numbers_decimal_text() throws Exception {
        assertThat(ClaimText.rest(payload("{\"exp\": 1469818373, \"iat\": 1469814773, \"auth_time\": 1469814773,"
                + " \"ratio\": 0.25}")))
                .containsExactly(Map.entry("exp", "Fri Jul 29 18:52:53 UTC 2016"),
                        Map.entry("iat", "Fri Jul 29 17:52:53 UTC 2016"), Map.entry("auth_time", "1469814773"),
                        Map.entry("ratio", "0.25"));
    }

    @Test
    void rest_exp_as_a_string_is_left_as_written() throws Exception {
        assertThat(ClaimText.rest(payload("{\"exp\": \"soon\"}"))).containsEntry("exp", "soon");
    }

    @Test
    void rest_lists_objects_and_null_print_as_java_does() throws Exception {
        assertThat(ClaimText.rest(payload("{\"cognito:groups\": [\"admins\", \"ops\"], \"verified\": true,"
                + " \"address\": {\"street\": \"Main\", \"no\": 1}, \"none\": null}")))
                .containsExactly(Map.entry("cognito:groups", "[admins, ops]"), Map.entry("verified", "true"),
                        Map.entry("address", "{street=Main, no=1}"), Map.entry("none", "null"));
    }
}
