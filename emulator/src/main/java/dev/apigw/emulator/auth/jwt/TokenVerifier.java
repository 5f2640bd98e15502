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
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String SEGMENTS = "token contains an invalid number of segments";

    static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(.+)");

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

    /**
     * The token, read without checking anything: which issuer's keys to try (REST Cognito has several pools).
     * Nimbus skips characters outside the base64url alphabet, so {@code sig~~} would verify as {@code sig}; Go's
     * decoder refuses them, and so does this, with Go's message [unconfirmed for AWS]. An unsigned ({@code alg none})
     * token gets the message Go's list of valid methods gives every non-RSA algorithm, as captured for {@code ES256}
     * [K; unconfirmed for none]; nimbus alone would call it "Not a JWS header".
     *
     * @throws ParseException with API Gateway's description in the message where known (see {@link #goMessage})
     */
    /**
     * The token in an identity source's value: the value itself, or what follows {@code Bearer } (JWT and Cognito
     * authorizers accept both); null for a missing or blank value.
     */
    static @Nullable String bearerToken(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher bearer = BEARER.matcher(value.trim());
        return bearer.matches() ? bearer.group(1).trim() : value.trim();
    }

    static SignedJWT parse(String token) throws ParseException {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3) {
            throw new ParseException(SEGMENTS, 0);
        }
        for (String segment : segments) {
            int illegal = firstIllegalBase64(segment);
            if (illegal >= 0) {
                throw new ParseException("illegal base64 data at input byte " + illegal, illegal);
            }
        }
        JWT jwt = JWTParser.parse(token);
        if (jwt instanceof PlainJWT) {
            throw new ParseException("signing method none is invalid", 0);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new ParseException("the token is not a signed JWT (JWS)", 0);
        }
        return signed;
    }

    /** Where Go's base64url decoder would stop: -1 when every character is in the alphabet ({@code =} pads). */
    private static int firstIllegalBase64(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean legal = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '=';
            if (!legal) {
                return i;
            }
        }
        return -1;
    }

    /** The description for a token {@link #parse} refused: Go's own words as they are, nimbus's marked malformed. */
    private static String goMessage(ParseException e) {
        String message = String.valueOf(e.getMessage());
        boolean go = message.equals(SEGMENTS) || message.startsWith("illegal base64 data")
                || message.startsWith("signing method ");
        return go ? message : "token is malformed: " + message;
    }

    static Verification verify(String token, IssuerKeys keys, Clock clock) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Rejected(goMessage(e));
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
