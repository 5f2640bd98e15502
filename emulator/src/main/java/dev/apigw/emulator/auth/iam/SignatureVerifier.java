package dev.apigw.emulator.auth.iam;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.response.GatewayError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a request's SigV4 signature as API Gateway does, in AWS's order: the signature's form, its time window,
 * the access key, then the signature itself.
 */
final class SignatureVerifier {

    /** How far a signing time may be from the gateway's clock [K: every "Signature expired" capture says 5 min.]. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final Map<String, IamCredential> credentials = new LinkedHashMap<>();
    private final Clock clock;

    /** The verdict: the credential that signed, or AWS's refusal. */
    record Verdict(@Nullable IamCredential signer, @Nullable IamRefusal refusal) {
        static Verdict refused(IamRefusal refusal) {
            return new Verdict(null, refusal);
        }
    }

    SignatureVerifier(List<IamCredential> credentials, Clock clock) {
        credentials.forEach(credential -> this.credentials.putIfAbsent(credential.accessKeyId(), credential));
        this.clock = clock;
    }

    Verdict verify(GatewayRequest request) {
        SignatureParser.Parsed parsed = SignatureParser.parse(request);
        SigV4Signature signature = parsed.signature();
        if (signature == null) {
            return Verdict.refused(parsed.refusal());
        }
        IamRefusal outOfTime = timeWindow(signature, clock.instant());
        if (outOfTime != null) {
            return Verdict.refused(outOfTime);
        }
        IamCredential credential = credentials.get(signature.scope().accessKeyId());
        if (credential == null) {
            return Verdict.refused(IamRefusal.unknownAccessKey());
        }
        String mismatch = GatewayError.INVALID_SIGNATURE.restMessage();
        ExpectedSignature expected;
        try {
            expected = ExpectedSignature.of(request, signature, credential, payloadHash(request, signature));
        } catch (IllegalArgumentException e) {
            return Verdict.refused(IamRefusal.invalid(mismatch));
        }
        if (!expected.matches(signature.signature())) {
            return Verdict.refused(IamRefusal.invalid(expected.mismatchMessage(mismatch)));
        }
        return new Verdict(credential, null);
    }

    /**
     * The 5-minute skew either way, with AWS's texts [K LilyBin/LilyBin#72, serverless/enterprise#11]. A presigned
     * URL with {@code X-Amz-Expires} lives that long instead; the wording for its expiry is unconfirmed and follows
     * the skew's.
     */
    static @Nullable IamRefusal timeWindow(SigV4Signature signature, Instant now) {
        Instant signedAt = signature.signedAt();
        if (signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return IamRefusal.expired("Signature not yet current: " + AmzDate.format(signedAt) + " is still later than "
                    + AmzDate.format(now.plus(CLOCK_SKEW)) + " (" + AmzDate.format(now) + " + 5 min.)");
        }
        Duration expires = signature.expires();
        if (expires == null && signedAt.isBefore(now.minus(CLOCK_SKEW))) {
            return IamRefusal.expired("Signature expired: " + AmzDate.format(signedAt) + " is now earlier than "
                    + AmzDate.format(now.minus(CLOCK_SKEW)) + " (" + AmzDate.format(now) + " - 5 min.)");
        }
        if (expires != null && now.isAfter(signedAt.plus(expires))) {
            return IamRefusal.expired("Signature expired: " + AmzDate.format(signedAt) + " is now earlier than "
                    + AmzDate.format(now.minus(expires)) + " (" + AmzDate.format(now) + " - " + expires.toSeconds()
                    + " sec.)");
        }
        return null;
    }

    /**
     * The payload hash of the canonical request: the body's SHA-256, as SigV4 defines it for every service but S3 and
     * as the SDK's presigner signs execute-api URLs. {@code UNSIGNED-PAYLOAD} only when the client signed an
     * {@code x-amz-content-sha256} header saying so (unconfirmed that API Gateway honours it). A declared hash is
     * never trusted: a body that does not match what was signed must fail.
     */
    private static String payloadHash(GatewayRequest request, SigV4Signature signature) {
        Optional<String> declared = request.headers().first("x-amz-content-sha256").map(String::trim);
        if (signature.signedHeaders().contains("x-amz-content-sha256")
                && declared.filter(UNSIGNED_PAYLOAD::equals).isPresent()) {
            return UNSIGNED_PAYLOAD;
        }
        return ExpectedSignature.sha256Hex(request.body());
    }
}
