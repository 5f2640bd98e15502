package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks what every API Gateway token authorizer checks before its own rules: the token is a JWS signed with RSA
 * (RS256/384/512) by a key of the issuer whose {@code kid} it names, and {@code exp}, {@code iat} and {@code nbf}
 * hold at the clock's time.
 *
 * <p>API Gateway's JWT authorizer answers with the messages of the Go JWT library it uses: real captures show
 * {@code token contains an invalid number of segments} and {@code signing method ES256 is invalid} [K]; the
 * time-claim messages are that library's (golang-jwt v4) and its checking order exp, iat, nbf [unconfirmed for
 * AWS]. A missing {@code exp} is accepted, as that library does.
 */
final class TokenVerifier {
    static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private TokenVerifier() {}

    /** What the checks found. */
    sealed interface Verification {}

    /**
     * @param claims the checked claims
     * @param payload the payload as the token wrote it (numbers and lists as written), for rendering claims
     */
    record Verified(JWTClaimsSet claims, Map<String, Object> payload) implements Verification {}

    /** @param description why, in API Gateway's words where known ({@code error_description}) */
    record Rejected(String description) implements Verification {}

    /** The token, read without checking anything: which issuer's keys to try (REST Cognito has several pools). */
    static SignedJWT parse(String token) throws ParseException {
        if (token.split("\\.", -1).length != 3) {
            throw new ParseException("token contains an invalid number of segments", 0);
        }
        return SignedJWT.parse(token);
    }

    static Verification verify(String token, IssuerKeys keys, Clock clock) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Rejected(e.getMessage().startsWith("token contains") ? e.getMessage()
                    : "token is malformed: " + e.getMessage());
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!RSA_ALGORITHMS.contains(algorithm)) {
            return new Rejected("signing method " + algorithm + " is invalid");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return new Rejected("the token has no kid header; API Gateway needs it to find the signing key");
        }
        List<JWK> candidates;
        try {
            candidates = keys.source().get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA)
                    .keyID(kid).keyUses(KeyUse.SIGNATURE, null).build()), null);
        } catch (KeySourceException e) {
            return new Rejected("unable to get the signing keys from " + keys.origin());
        }
        if (candidates.isEmpty()) {
            return new Rejected("no key with kid " + kid + " in " + keys.origin());
        }
        if (!signedByOneOf(jwt, candidates)) {
            return new Rejected("crypto/rsa: verification error");
        }
        String expired = timeProblem(claims, clock);
        if (expired != null) {
            return new Rejected(expired);
        }
        return new Verified(claims, jwt.getPayload().toJSONObject());
    }

    private static boolean signedByOneOf(SignedJWT jwt, List<JWK> candidates) {
        for (JWK key : candidates) {
            try {
                if (jwt.verify(new RSASSAVerifier((RSAKey) key))) {
                    return true;
                }
            } catch (JOSEException e) {
                // An unusable key (too short, wrong parameters) verifies nothing; try the next one.
            }
        }
        return false;
    }

    /** {@code exp} must be after now, {@code iat} and {@code nbf} not after now [D http-api-jwt-authorizer]. */
    private static @Nullable String timeProblem(JWTClaimsSet claims, Clock clock) {
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() != null && !now.before(claims.getExpirationTime())) {
            return "token is expired";
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().after(now)) {
            return "token used before issued";
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            return "token is not valid yet";
        }
        return null;
    }
}
