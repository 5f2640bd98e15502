package dev.apigw.emulator.auth.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each malformed signature is worded, as AWS words it; and that no input makes the parser throw. */
class SignatureParserTest {
    static final String CREDENTIAL = "AKIDEXAMPLE/20260301/us-east-1/execute-api/aws4_request";

    static IamRefusal refusal(String authorization, String... moreHeaders) {
        Headers headers = Headers.of(moreHeaders).with("Authorization", authorization);
        return SignatureParser.parse(GatewayRequest.of("GET", "/dev/pets", headers, new byte[0])).refusal();
    }

    static IamRefusal queryRefusal(String query) {
        return SignatureParser.parse(GatewayRequest.of("GET", "/dev/pets?" + query)).refusal();
    }

    @Test
    void no_signature_at_all_is_a_missing_authentication_token() {
        assertThat(SignatureParser.parse(GatewayRequest.of("GET", "/dev/pets?a=1")).refusal())
                .isEqualTo(new IamRefusal(IamRefusal.Kind.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token"));
        assertThat(refusal("   ").kind()).isEqualTo(IamRefusal.Kind.MISSING_AUTHENTICATION_TOKEN);
    }

    @Test
    void a_bare_token_lists_every_missing_part() {
        assertThat(refusal("eyJhbGciOiJIUzI1NiJ9.e30.sig")).isEqualTo(IamRefusal.incomplete(
                "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature'"
                        + " parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header"
                        + " requires existence of either a 'X-Amz-Date' or a 'Date' header."
                        + " Authorization=eyJhbGciOiJIUzI1NiJ9.e30.sig"));
    }

    @Test
    void a_scheme_with_a_word_that_is_no_pair_misses_an_equal_sign() {
        assertThat(refusal("Bearer sometoken")).isEqualTo(IamRefusal.incomplete("'sometoken' not a valid key=value"
                + " pair (missing equal-sign) in Authorization header: 'Bearer sometoken'."));
    }

    @Test
    void a_space_inside_a_pair_splits_it_as_aws_does() {
        // AWS splits the parameters at commas and whitespace: "Credential= AKID..." (a pasted key with a leading
        // space) is refused naming the orphaned value [K RhinoSecurityLabs/IPRotate_Burp_Extension#25,
        // iann0036/cloud9-sync#10].
        String header = "AWS4-HMAC-SHA256 Credential= " + CREDENTIAL + ", SignedHeaders=host;x-amz-date, Signature=abc";
        assertThat(refusal(header, "X-Amz-Date", "20260301T120000Z")).isEqualTo(IamRefusal.incomplete("'"
                + CREDENTIAL + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + header + "'."));
    }

    @Test
    void the_credential_needs_five_parts_the_right_service_and_terminator() {
        String rest = ", SignedHeaders=host;x-amz-date, Signature=abc";
        String[] date = {"X-Amz-Date", "20260301T120000Z"};

        assertThat(refusal("AWS4-HMAC-SHA256 Credential=AKID/20260301" + rest, date).message())
                .isEqualTo("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                        + " got 'AKID/20260301'");
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=AKID/20260301/us-east-1/s3/aws4_request" + rest, date))
                .isEqualTo(IamRefusal.invalid("Credential should be scoped to correct service: 'execute-api'. "));
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=AKID/20260301/us-east-1/execute-api/aws5" + rest, date))
                .isEqualTo(IamRefusal.invalid(
                        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5'. "));
    }

    @Test
    void the_scope_date_must_be_the_signing_date() {
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host, Signature=abc",
                "X-Amz-Date", "20260302T000001Z")).isEqualTo(IamRefusal.invalid("Date in Credential scope does not"
                + " match YYYYMMDD from ISO-8601 version of date from HTTP: '20260301' != '20260302', from"
                + " '20260302T000001Z'."));
    }

    @Test
    void host_must_be_signed() {
        assertThat(refusal("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=x-amz-date, Signature=abc",
                "X-Amz-Date", "20260301T120000Z").message())
                .isEqualTo("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void an_http_date_header_may_stand_in_for_x_amz_date() {
        SignatureParser.Parsed parsed = SignatureParser.parse(GatewayRequest.of("GET", "/dev/pets",
                Headers.of("Date", "Sun, 01 Mar 2026 12:00:00 GMT", "Authorization",
                        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=date;host, Signature=abc"),
                new byte[0]));

        assertThat(parsed.signature().signedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(parsed.signature().signedHeaders()).containsExactly("date", "host");
    }

    @Test
    void a_presigned_url_names_its_missing_parameters() {
        assertThat(queryRefusal("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL))
                .isEqualTo(IamRefusal.incomplete("AWS query-string parameters must include 'X-Amz-Signature'. AWS"
                        + " query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters"
                        + " must include 'X-Amz-Date'. Re-examine the query-string parameters."));
    }

    @Test
    void a_presigned_url_reads_its_expiry() {
        String signed = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
                + "&X-Amz-Date=20260301T120000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abc";

        assertThat(SignatureParser.parse(GatewayRequest.of("GET", "/dev/pets?" + signed + "&X-Amz-Expires=300"))
                .signature().expires()).isEqualTo(Duration.ofMinutes(5));
        assertThat(queryRefusal(signed + "&X-Amz-Expires=604801").message())
                .isEqualTo("X-Amz-Expires must be less than a week (in seconds) that is 604800");
        assertThat(queryRefusal(signed + "&X-Amz-Expires=soon").message()).isEqualTo("X-Amz-Expires should be a number");
    }

    @Test
    void garbage_never_throws() {
        for (String authorization : List.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ,,, ,", "AWS4-HMAC-SHA256 =,=,=",
                "AWS4-HMAC-SHA256 Credential=, SignedHeaders=, Signature=", "AWS4-HMAC-SHA512 Credential=a,"
                        + " SignedHeaders=host, Signature=x", "AWS4-HMAC-SHA256 Credential=////, SignedHeaders=;;;,"
                        + " Signature=")) {
            for (String date : List.of("20260301T120000Z", "yesterday", "", "20261399T999999Z")) {
                assertThat(refusal(authorization, "X-Amz-Date", date)).as(authorization + " / " + date).isNotNull();
            }
        }
        for (String query : List.of("X-Amz-Algorithm", "X-Amz-Signature=&X-Amz-Algorithm=%",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=host"
                        + "&X-Amz-Date=nope&X-Amz-Expires=-1")) {
            assertThat(queryRefusal(query)).as(query).isNotNull();
        }
    }
}
