package dev.apigw.emulator.auth.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.auth.IamCredential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The canonicalisation, checked against AWS's published SigV4 example and API Gateway's own answers. */
class ExpectedSignatureTest {
    static final IamCredential AWS_EXAMPLE = new IamCredential("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    static SigV4Signature signature(String service, String region, List<String> headers, Instant at) {
        return new SigV4Signature(SigV4Signature.Location.HEADER, new SigningScope("AKIDEXAMPLE",
                AmzDate.format(at).substring(0, 8), region, service, "aws4_request"), headers, "", at, null);
    }

    @Test
    void matches_the_signature_of_aws_published_sigv4_example() {
        // IAM ListUsers, from AWS's "Signature Version 4 signing process" examples (2015-08-30).
        Instant at = Instant.parse("2015-08-30T12:36:00Z");
        GatewayRequest request = GatewayRequest.of("GET", "/?Action=ListUsers&Version=2010-05-08", Headers.of(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Host", "iam.amazonaws.com", "X-Amz-Date", "20150830T123600Z"), new byte[0]);

        ExpectedSignature expected = ExpectedSignature.of(request,
                signature("iam", "us-east-1", List.of("content-type", "host", "x-amz-date"), at), AWS_EXAMPLE,
                ExpectedSignature.sha256Hex(new byte[0]));

        assertThat(expected.canonicalRequest()).isEqualTo("GET\n/\nAction=ListUsers&Version=2010-05-08\n"
                + "content-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\n"
                + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(expected.signature()).isEqualTo("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void encodes_each_path_segment_once_more_as_api_gateway_expects() {
        // API Gateway's own answer for /path/%C3%A4: "should have been 'GET\n/path/%25C3%25A4 ..." [K].
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        GatewayRequest request = GatewayRequest.of("GET", "/path/%C3%A4", Headers.of(
                "Host", "abc.execute-api.eu-central-1.amazonaws.com", "X-Amz-Date", "20260301T120000Z"), new byte[0]);

        ExpectedSignature expected = ExpectedSignature.of(request,
                signature("execute-api", "eu-central-1", List.of("host", "x-amz-date"), at), AWS_EXAMPLE,
                ExpectedSignature.sha256Hex(new byte[0]));

        assertThat(expected.canonicalRequest()).startsWith("GET\n/path/%25C3%25A4\n\n");
        assertThat(expected.stringToSign()).startsWith("AWS4-HMAC-SHA256\n20260301T120000Z\n"
                + "20260301/eu-central-1/execute-api/aws4_request\n");
    }

    @Test
    void sorts_query_parameters_by_name_then_value_and_encodes_them_strictly() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        GatewayRequest request = GatewayRequest.of("GET", "/dev/pets?z=1&a=b&a=a&sp=x%20y&star=*", Headers.of(
                "Host", "h", "X-Amz-Date", "20260301T120000Z"), new byte[0]);

        ExpectedSignature expected = ExpectedSignature.of(request,
                signature("execute-api", "us-east-1", List.of("host", "x-amz-date"), at), AWS_EXAMPLE, "UNSIGNED-PAYLOAD");

        assertThat(expected.canonicalRequest()).startsWith("GET\n/dev/pets\na=a&a=b&sp=x%20y&star=%2A&z=1\n");
    }

    @Test
    void signs_every_header_the_client_named_even_those_the_sdk_leaves_out_of_its_own_signatures() {
        // The SDK never signs User-Agent, Connection, Expect, Transfer-Encoding, X-Forwarded-For or X-Amzn-Trace-Id,
        // but API Gateway checks whatever SignedHeaders lists; other signers (e.g. hand-written or Postman
        // pre-request scripts) do sign User-Agent.
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        GatewayRequest request = GatewayRequest.of("GET", "/prod/pets", Headers.of("Host", "h",
                "User-Agent", "curl/8.5.0", "X-Amz-Date", "20260301T120000Z"), new byte[0]);

        ExpectedSignature expected = ExpectedSignature.of(request,
                signature("execute-api", "us-east-1", List.of("host", "user-agent", "x-amz-date"), at), AWS_EXAMPLE,
                ExpectedSignature.sha256Hex(new byte[0]));

        String canonicalRequest = "GET\n/prod/pets\n\nhost:h\nuser-agent:curl/8.5.0\nx-amz-date:20260301T120000Z\n\n"
                + "host;user-agent;x-amz-date\n" + ExpectedSignature.sha256Hex(new byte[0]);
        assertThat(expected.canonicalRequest()).isEqualTo(canonicalRequest);
        assertThat(expected.signature()).isEqualTo(signedByHand(canonicalRequest, "20260301", "us-east-1"));
    }

    @Test
    void joins_repeated_header_values_with_commas_and_collapses_their_spaces() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        GatewayRequest request = GatewayRequest.of("GET", "/prod/pets", Headers.of("Host", "h",
                "X-Tag", "  a   b ", "X-Tag", "c", "X-Amz-Date", "20260301T120000Z"), new byte[0]);

        ExpectedSignature expected = ExpectedSignature.of(request,
                signature("execute-api", "us-east-1", List.of("host", "x-amz-date", "x-tag"), at), AWS_EXAMPLE,
                ExpectedSignature.sha256Hex(new byte[0]));

        assertThat(expected.canonicalRequest()).contains("\nx-tag:a b,c\n\nhost;x-amz-date;x-tag\n");
    }

    /** SigV4 from its definition, independently of the SDK: the HMAC chain over the scope, then the string to sign. */
    private static String signedByHand(String canonicalRequest, String date, String region) {
        String stringToSign = "AWS4-HMAC-SHA256\n" + date + "T120000Z\n" + date + "/" + region
                + "/execute-api/aws4_request\n"
                + ExpectedSignature.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = ("AWS4" + AWS_EXAMPLE.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(date, region, "execute-api", "aws4_request")) {
            key = hmac(key, part);
        }
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
