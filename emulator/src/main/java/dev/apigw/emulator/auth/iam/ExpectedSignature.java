package dev.apigw.emulator.auth.iam;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.events.QueryString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4Properties;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigner;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4RequestSigningResult;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.Pair;

/**
 * The signature a request should carry, computed by the AWS SDK v2's own SigV4 code from the request as received,
 * plus the canonical request and string to sign that AWS quotes back when a signature does not match.
 *
 * <p>Why the SDK's {@code V4RequestSigner} and not the public {@code AwsV4HttpSigner} it sits behind: the public
 * signer decides itself what to sign (it always adds and signs {@code x-amz-content-sha256}), so it can only
 * reproduce signatures of clients that sign exactly as the SDK does. The request signer takes the payload hash as
 * given and canonicalises URI and query and derives the signing key with the very code {@code AwsV4HttpSigner} runs.
 * The canonical headers are the ones the client named in {@code SignedHeaders}, formatted by the SDK's functions but
 * chosen here, because its canonicaliser leaves out headers the SDK itself never signs (e.g. {@code user-agent}).
 *
 * <p>Canonicalisation as API Gateway does it: every path segment URI-encoded once more on top of the encoding on the
 * wire ({@code DOUBLE_URL_ENCODE} on), shown by AWS's own answers, e.g. "The Canonical String for this request should
 * have been 'GET /path/%25C3%25A4 ...'" for {@code /path/%C3%A4} [K furaiev/amazon-cognito-identity-dart-2#5,
 * aws-amplify/amplify-android#668, brendanhay/amazonka#529]; the path normalised ({@code NORMALIZE_PATH} on, the
 * SigV4 rule for every service but S3, which is also what SDK clients of execute-api do); query parameters decoded
 * then re-encoded and sorted; header values trimmed with inner spaces collapsed.
 */
record ExpectedSignature(String signature, String canonicalRequest, String stringToSign) {

    /** A stand-in: the canonical request takes the host from the signed {@code Host} header, never from here. */
    private static final String PLACEHOLDER_HOST = "execute-api.localhost";

    /**
     * @param payloadHash the hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
     * @throws IllegalArgumentException when the request cannot be canonicalised at all (e.g. a method or path the
     *     SDK cannot represent); such a request cannot carry a valid signature
     */
    static ExpectedSignature of(GatewayRequest request, SigV4Signature signature, IamCredential credential,
            String payloadHash) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .protocol("https")
                .host(PLACEHOLDER_HOST)
                .method(SdkHttpMethod.fromValue(request.method()))
                .encodedPath(request.rawPath().isEmpty() ? "/" : request.rawPath());
        for (Map.Entry<String, List<String>> parameter : QueryString.parse(request.rawQuery()).entrySet()) {
            boolean theSignatureItself = signature.location() == SigV4Signature.Location.QUERY_STRING
                    && "X-Amz-Signature".equals(parameter.getKey());
            if (!theSignatureItself) {
                parameter.getValue().forEach(value -> builder.appendRawQueryParameter(parameter.getKey(), value));
            }
        }
        SigningScope scope = signature.scope();
        V4Properties properties = V4Properties.builder()
                .credentials(AwsCredentialsIdentity.create(credential.accessKeyId(), credential.secretAccessKey()))
                .credentialScope(new CredentialScope(scope.region(), scope.service(), signature.signedAt()))
                .signingClock(Clock.fixed(signature.signedAt(), ZoneOffset.UTC))
                .doubleUrlEncode(true)
                .normalizePath(true)
                .build();
        V4RequestSigningResult result;
        try {
            result = V4RequestSigner.create(properties, payloadHash).sign(builder);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("request cannot be canonicalised for SigV4: " + e.getMessage(), e);
        }
        // The SDK supplies method, URI and query; the headers are the client's signed ones, added here because the
        // SDK drops some (user-agent, connection, expect, ...) from any canonical request it builds.
        String[] lines = result.getCanonicalRequest().getCanonicalRequestString().split("\n", 4);
        List<Pair<String, List<String>>> headers = signedHeaders(request, signature);
        String canonicalRequest = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n"
                + V4CanonicalRequest.getCanonicalHeadersString(headers) + "\n"
                + V4CanonicalRequest.getSignedHeadersString(headers) + "\n" + payloadHash;
        String stringToSign = SignatureParser.ALGORITHM + "\n" + AmzDate.format(signature.signedAt()) + "\n"
                + scope.scope() + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(
                SignerUtils.computeSignature(stringToSign, result.getSigningKey()));
        return new ExpectedSignature(expected, canonicalRequest, stringToSign);
    }

    /**
     * Every header the client named in {@code SignedHeaders} and the request carries, sorted by lower-case name, with
     * all its values. API Gateway checks whatever the client signed; the SDK's own canonicaliser would silently leave
     * out {@code user-agent}, {@code connection}, {@code expect}, {@code transfer-encoding}, {@code x-forwarded-for}
     * and {@code x-amzn-trace-id}, failing clients that sign them.
     */
    private static List<Pair<String, List<String>>> signedHeaders(GatewayRequest request, SigV4Signature signature) {
        List<Pair<String, List<String>>> headers = new ArrayList<>();
        for (String name : new TreeSet<>(signature.signedHeaders())) {
            List<String> values = request.headers().values(name);
            if (!values.isEmpty()) {
                headers.add(Pair.of(name, values));
            }
        }
        return headers;
    }

    /** Compares in constant time, so response timing does not reveal how much of a guess was right. */
    boolean matches(String provided) {
        return MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                provided.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * AWS's answer to a signature that does not match: the fixed sentence, then what it expected, as captured from
     * execute-api [K aws-samples/sigv4-signing-examples#14, postmanlabs/postman-app-support#5815, mhart/aws4#110].
     */
    String mismatchMessage(String fixedSentence) {
        return fixedSentence + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest
                + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n";
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
