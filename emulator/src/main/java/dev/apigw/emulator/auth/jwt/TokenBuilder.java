package dev.apigw.emulator.auth.jwt;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.model.Api;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Mints a token signed by the {@link LocalIssuer}, shaped for the API's JWT or Cognito authorizer, so a test needs
 * no identity provider:
 *
 * <pre>{@code
 * String token = gateway.tokens().subject("alice").scopes("read").sign();
 * request.header("Authorization", "Bearer " + token);
 * }</pre>
 *
 * Defaults come from the API: with exactly one JWT or Cognito authorizer (or the one named by
 * {@link #forAuthorizer}), the token carries that authorizer's issuer (and a JWT authorizer's first audience), so the
 * spec needs no change to be tested locally; without one, the issuer is the local issuer's URL. Times come from the
 * issuer's clock, so advancing a test clock expires tokens. A builder makes one token; it is not thread-safe.
 */
public final class TokenBuilder {
    /** The subject when none is given. */
    public static final String DEFAULT_SUBJECT = "apigw-user";

    /** The app client id of Cognito tokens when neither a client id nor an audience is given. */
    public static final String DEFAULT_CLIENT_ID = "apigw-local-client";

    /** How long a token lives unless told otherwise: Cognito's default for ID and access tokens [D cognito]. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final LocalIssuer issuer;
    private final @Nullable Api api;
    private final String localIssuerUrl;

    private String subject = DEFAULT_SUBJECT;
    private List<String> scopes = List.of();
    private @Nullable List<String> audience;
    private @Nullable String issuerUrl;
    private @Nullable String clientId;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private @Nullable TokenUse tokenUse;
    private Duration lifetime = DEFAULT_LIFETIME;
    private @Nullable Instant notBefore;
    private @Nullable Instant issuedAt;
    private @Nullable Authorizer authorizer;

    private TokenBuilder(LocalIssuer issuer, @Nullable Api api, String localIssuerUrl) {
        this.issuer = requireNonNull(issuer, "issuer");
        this.api = api;
        this.localIssuerUrl = requireNonNull(localIssuerUrl, "localIssuerUrl");
    }

    /**
     * @param api where the defaults come from; null = none (the token's issuer is {@code localIssuerUrl})
     * @param localIssuerUrl the local issuer as clients see it, e.g. {@code http://127.0.0.1:3000/_apigw/issuer}
     */
    public static TokenBuilder of(LocalIssuer issuer, @Nullable Api api, String localIssuerUrl) {
        return new TokenBuilder(issuer, api, localIssuerUrl);
    }

    /** {@code sub}; with Cognito authorizers also the user name. */
    public TokenBuilder subject(String subject) {
        this.subject = requireNonNull(subject, "subject");
        return this;
    }

    /** OAuth scopes, sent as one space-separated {@code scope} claim; with Cognito they make an access token. */
    public TokenBuilder scopes(String... scopes) {
        this.scopes = List.of(scopes);
        return this;
    }

    /** {@code aud}: one value is written as a string, several as an array; replaces the authorizer's audience. */
    public TokenBuilder audience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    /** {@code iss}, instead of the authorizer's issuer or the local issuer's URL. */
    public TokenBuilder issuer(String issuerUrl) {
        this.issuerUrl = requireNonNull(issuerUrl, "issuerUrl");
        return this;
    }

    /** {@code client_id} (Cognito access tokens, and HTTP API JWT authorizers accept it in place of {@code aud}). */
    public TokenBuilder clientId(String clientId) {
        this.clientId = requireNonNull(clientId, "clientId");
        return this;
    }

    /**
     * Any claim; applied last, so it can also replace one the builder sets (to test a bad token). An {@link Instant}
     * is written as seconds since the epoch, as JWT dates are.
     */
    public TokenBuilder claim(String name, @Nullable Object value) {
        requireNonNull(name, "name");
        claims.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value);
        return this;
    }

    /** Cognito's {@code token_use}: {@code id} or {@code access}; setting it makes a Cognito-style token. */
    public TokenBuilder tokenUse(String tokenUse) {
        this.tokenUse = TokenUse.parse(tokenUse);
        return this;
    }

    /** {@code exp} = {@code iat} + this (1 hour unless set). */
    public TokenBuilder expiresIn(Duration lifetime) {
        this.lifetime = requireNonNull(lifetime, "lifetime");
        return this;
    }

    /** {@code nbf}; absent unless set. */
    public TokenBuilder notBefore(Instant notBefore) {
        this.notBefore = requireNonNull(notBefore, "notBefore");
        return this;
    }

    /** {@code iat}; the issuer clock's current time unless set. */
    public TokenBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = requireNonNull(issuedAt, "issuedAt");
        return this;
    }

    /**
     * Takes the defaults from this JWT or Cognito authorizer (needed when the API has several).
     *
     * @throws IllegalArgumentException when the API has no such authorizer, or it is a Lambda authorizer
     */
    public TokenBuilder forAuthorizer(String name) {
        requireNonNull(name, "name");
        Map<String, Authorizer> all = api == null ? Map.of() : api.authorizers();
        Authorizer named = all.get(name);
        if (named == null) {
            throw new IllegalArgumentException("the API has no authorizer named " + name + "; its JWT and Cognito"
                    + " authorizers are: " + names(tokenAuthorizers()));
        }
        if (!isTokenAuthorizer(named)) {
            throw new IllegalArgumentException("authorizer " + name + " is a " + named.type() + " Lambda authorizer,"
                    + " which takes no JWT; JWT and Cognito authorizers of the API: " + names(tokenAuthorizers()));
        }
        this.authorizer = named;
        return this;
    }

    /** The compact JWT ({@code header.payload.signature}), RS256-signed with the local issuer's key and its kid. */
    public String sign() {
        JWTClaimsSet claimSet = claimSet();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuer.keyId()).build(),
                claimSet);
        try {
            jwt.sign(new RSASSASigner(issuer.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token with the local issuer's key", e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet claimSet() {
        Authorizer chosen = chosenAuthorizer();
        Instant iat = issuedAt != null ? issuedAt : issuer.clock().instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", subject);
        payload.put("iss", issuerUrl != null ? issuerUrl : chosen == null ? localIssuerUrl : IssuerUrls.of(chosen));
        boolean cognito = tokenUse != null || (chosen != null && chosen.type() == AuthorizerType.COGNITO_USER_POOLS);
        if (cognito) {
            cognitoClaims(payload, iat);
        } else {
            jwtClaims(payload, chosen);
        }
        payload.put("iat", iat.getEpochSecond());
        payload.put("exp", iat.plus(lifetime).getEpochSecond());
        if (notBefore != null) {
            payload.put("nbf", notBefore.getEpochSecond());
        }
        payload.putAll(claims);
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        payload.forEach((name, value) -> builder.claim(name, value));
        return builder.build();
    }

    /** A generic OIDC/OAuth token, as an HTTP API JWT authorizer reads it [D http-api-jwt]. */
    private void jwtClaims(Map<String, Object> payload, @Nullable Authorizer chosen) {
        List<String> aud = audience != null ? audience : defaultAudience(chosen);
        putAudience(payload, aud);
        if (clientId != null) {
            payload.put("client_id", clientId);
        }
        if (!scopes.isEmpty()) {
            payload.put("scope", String.join(" ", scopes));
        }
    }

    /**
     * Cognito user pool tokens [D cognito "Understanding the ID token" / "Understanding the access token"]: an ID
     * token names the app client in {@code aud} and the user in {@code cognito:username}; an access token names them
     * in {@code client_id} and {@code username}, has no {@code aud}, and carries the scopes.
     */
    private void cognitoClaims(Map<String, Object> payload, Instant iat) {
        TokenUse use = tokenUse != null ? tokenUse : scopes.isEmpty() ? TokenUse.ID : TokenUse.ACCESS;
        String client = clientId != null ? clientId
                : audience != null && !audience.isEmpty() ? audience.get(0) : DEFAULT_CLIENT_ID;
        payload.put("token_use", use.claimValue);
        if (use == TokenUse.ID) {
            putAudience(payload, audience != null ? audience : List.of(client));
            payload.put("cognito:username", subject);
        } else {
            putAudience(payload, audience != null ? audience : List.of());
            payload.put("client_id", client);
            payload.put("username", subject);
            if (!scopes.isEmpty()) {
                payload.put("scope", String.join(" ", scopes));
            }
        }
        payload.put("auth_time", iat.getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
    }

    private static void putAudience(Map<String, Object> payload, List<String> aud) {
        if (aud.size() == 1) {
            payload.put("aud", aud.get(0));
        } else if (!aud.isEmpty()) {
            payload.put("aud", aud);
        }
    }

    private static List<String> defaultAudience(@Nullable Authorizer chosen) {
        if (chosen == null || chosen.jwtConfiguration() == null || chosen.jwtConfiguration().audience().isEmpty()) {
            return List.of();
        }
        return List.of(chosen.jwtConfiguration().audience().get(0));
    }

    /** The named authorizer, else the API's only JWT/Cognito authorizer, else none. */
    private @Nullable Authorizer chosenAuthorizer() {
        if (authorizer != null) {
            return authorizer;
        }
        List<Authorizer> candidates = tokenAuthorizers();
        if (candidates.size() > 1 && issuerUrl == null) {
            throw new IllegalStateException("the API has several JWT and Cognito authorizers (" + names(candidates)
                    + "), so the token's issuer is ambiguous; pick one with forAuthorizer(name) or set issuer(url)");
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private List<Authorizer> tokenAuthorizers() {
        List<Authorizer> found = new ArrayList<>();
        if (api != null) {
            api.authorizers().values().stream().filter(TokenBuilder::isTokenAuthorizer).forEach(found::add);
        }
        // The model's map has no order; sorted names make messages stable.
        found.sort(Comparator.comparing(Authorizer::name));
        return found;
    }

    private static boolean isTokenAuthorizer(Authorizer authorizer) {
        return authorizer.type() == AuthorizerType.JWT || authorizer.type() == AuthorizerType.COGNITO_USER_POOLS;
    }

    private static String names(List<Authorizer> authorizers) {
        return authorizers.isEmpty() ? "none" : String.join(", ", authorizers.stream().map(Authorizer::name).toList());
    }

    /** Cognito's {@code token_use} claim. */
    private enum TokenUse {
        ID("id"),
        ACCESS("access");

        final String claimValue;

        TokenUse(String claimValue) {
            this.claimValue = claimValue;
        }

        static TokenUse parse(String text) {
            return Arrays.stream(values()).filter(use -> use.claimValue.equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("token use must be id or access, was " + text));
        }
    }
}
