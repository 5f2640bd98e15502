package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An HTTP API JWT authorizer verifying tokens against a JWKS file: each claim rule, AWS's 401/403 answers, events. */
class JwtAuthorizerAcceptanceTest {
    static final String ISSUER = "https://issuer.example.com";
    static final RSAKey KEY = rsaKey("test-key");
    static final RSAKey STRANGER = rsaKey("stranger-key");

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-jwt.yaml")
            .withJwks("*", jwksFile(KEY).toString())
            .withFunction("Echo", new EchoHandler());

    /** The same API with no {@code withJwks}: every issuer is verified against the gateway's local issuer. */
    @RegisterExtension
    static ApiGatewayExtension localKeys = ApiGatewayExtension.fromSpec("specs/http-jwt.yaml")
            .withFunction("Echo", new EchoHandler());

    static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path jwksFile(RSAKey key) {
        try {
            Path file = Files.createTempFile("jwks", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private Instant now() {
        return gateway.clock().instant();
    }

    private JWTClaimsSet.Builder valid() {
        return valid(now());
    }

    /** Valid claims at {@code now} of the gateway that checks them: each fixture has its own clock. */
    private static JWTClaimsSet.Builder valid(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("api-client").subject("alice")
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return sign(KEY, change.apply(valid()).build());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidToken(HttpResponse<String> response, String description) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue(
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
    }

    @Test
    void a_valid_bearer_token_reaches_the_function_with_every_claim_as_a_string() throws Exception {
        String token = token(c -> c.claim("scope", "read write").claim("level", 3)
                .claim("groups", List.of("admins", "ops")).claim("verified", true));

        HttpResponse<String> response = get("/me", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        String claims = "requestContext.authorizer.jwt.claims";
        assertThatJson(response.body()).node(claims + ".sub").isEqualTo("alice");
        assertThatJson(response.body()).node(claims + ".exp").isString().isEqualTo(
                String.valueOf(now().plusSeconds(3600).getEpochSecond()));
        assertThatJson(response.body()).node(claims + ".level").isString().isEqualTo("3");
        assertThatJson(response.body()).node(claims + ".scope").isEqualTo("read write");
        assertThatJson(response.body()).node(claims + ".groups").isString().isEqualTo("[admins ops]");
        assertThatJson(response.body()).node(claims + ".verified").isString().isEqualTo("true");
        assertThatJson(response.body()).node(claims + ".aud").isEqualTo("api-client");
        assertThatJson(response.body()).node("requestContext.authorizer.jwt.scopes").isNull();
    }

    @Test
    void the_bare_token_works_too() throws Exception {
        assertThat(get("/me", token(c -> c)).statusCode()).isEqualTo(200);
    }

    @Test
    void without_a_token_it_is_401_with_a_bare_bearer_challenge_and_the_function_is_not_called() throws Exception {
        HttpResponse<String> response = get("/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void a_token_for_another_audience_is_401_with_aws_description() throws Exception {
        assertInvalidToken(get("/me", "Bearer " + token(c -> c.audience("someone-else"))),
                "the token does not have a valid audience");
    }

    @Test
    void client_id_counts_only_when_the_token_has_no_aud() throws Exception {
        assertThat(get("/me", "Bearer " + token(c -> c.audience((String) null).claim("client_id", "api-client")))
                .statusCode()).isEqualTo(200);
        assertInvalidToken(get("/me", "Bearer " + token(c -> c.audience((String) null).claim("client_id", "x"))),
                "the token does not have a valid audience");
        assertInvalidToken(get("/me", "Bearer " + token(c -> c.audience("x").claim("client_id", "api-client"))),
                "the token does not have a valid audience");
    }

    @Test
    void a_token_of_another_issuer_is_401() throws Exception {
        assertInvalidToken(get("/me", "Bearer " + token(c -> c.issuer("https://evil.example.com"))),
                "the token does not have a valid issuer");
    }

    @Test
    void a_token_expires_when_the_clock_passes_exp() throws Exception {
        String token = token(c -> c.expirationTime(Date.from(now().plusSeconds(60))));
        assertThat(get("/me", "Bearer " + token).statusCode()).isEqualTo(200);

        gateway.clock().advance(Duration.ofSeconds(60));

        assertInvalidToken(get("/me", "Bearer " + token), "token is expired");
    }

    @Test
    void nbf_and_iat_in_the_future_are_refused() throws Exception {
        assertInvalidToken(get("/me", "Bearer " + token(c -> c.notBeforeTime(Date.from(now().plusSeconds(30))))),
                "token is not valid yet");
        assertInvalidToken(get("/me", "Bearer " + token(c -> c.issueTime(Date.from(now().plusSeconds(30))))),
                "token used before issued");
    }

    @Test
    void a_token_signed_by_a_key_not_in_the_jwks_is_401() throws Exception {
        HttpResponse<String> response = get("/me", "Bearer " + sign(STRANGER, valid().build()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .startsWith("Bearer scope=\"\" error=\"invalid_token\" error_description=\"no key with kid stranger-key");
    }

    @Test
    void a_forged_signature_with_a_known_kid_is_401() throws Exception {
        RSAKey impostor = rsaKey(KEY.getKeyID());
        assertInvalidToken(get("/me", "Bearer " + sign(impostor, valid().build())), "crypto/rsa: verification error");
    }

    @Test
    void hs256_tokens_are_refused_as_aws_only_takes_rsa() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
                valid().build());
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef"));

        assertInvalidToken(get("/me", "Bearer " + jwt.serialize()), "signing method HS256 is invalid");
    }

    @Test
    void a_token_that_is_not_a_jwt_is_401_with_the_go_library_message() throws Exception {
        assertInvalidToken(get("/me", "Bearer not-a-token"), "token contains an invalid number of segments");
    }

    /** A token written by hand, for headers no JWT library would write. */
    private static String handWritten(String headerJson, String payloadJson, String signature) {
        return Base64URL.encode(headerJson) + "." + Base64URL.encode(payloadJson) + "." + signature;
    }

    @Test
    void a_kid_or_alg_with_a_line_break_cannot_add_a_header_to_the_answer() throws Exception {
        HttpResponse<String> badKid = get("/me", "Bearer " + handWritten(
                "{\"alg\":\"RS256\",\"kid\":\"k\\r\\nX-Injected: 1\"}", "{}", "c2ln"));
        HttpResponse<String> badAlg = get("/me", "Bearer " + handWritten(
                "{\"alg\":\"RS256\\r\\nX-Injected: 1\"}", "{}", "c2ln"));

        assertThat(badKid.statusCode()).isEqualTo(401);
        assertThat(badKid.headers().firstValue("x-injected")).isEmpty();
        assertThat(badKid.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error_description=\"no key with kid k??X-Injected: 1 in JWKS file");
        assertInvalidToken(badAlg, "signing method RS256??X-Injected: 1 is invalid");
        assertThat(badAlg.headers().firstValue("x-injected")).isEmpty();
    }

    @Test
    void an_unsigned_alg_none_token_is_refused_as_go_refuses_methods_it_does_not_allow() throws Exception {
        String unsigned = handWritten("{\"alg\":\"none\"}", valid().build().toString(), "");

        assertInvalidToken(get("/me", "Bearer " + unsigned), "signing method none is invalid");
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void characters_outside_base64url_in_the_signature_are_refused_not_skipped() throws Exception {
        String token = token(c -> c);
        int signatureLength = token.length() - token.lastIndexOf('.') - 1;

        assertInvalidToken(get("/me", "Bearer " + token + "~~"),
                "illegal base64 data at input byte " + signatureLength);
    }

    @Test
    void a_scoped_route_lets_in_a_token_with_one_of_its_scopes_and_lists_the_token_scopes() throws Exception {
        HttpResponse<String> response = get("/scoped", "Bearer " + token(c -> c.claim("scope", "write read")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("requestContext.authorizer.jwt.scopes").isEqualTo(List.of("write", "read"));
    }

    @Test
    void scp_as_a_list_counts_as_scopes() throws Exception {
        assertThat(get("/scoped", "Bearer " + token(c -> c.claim("scp", List.of("admin")))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_token_without_the_route_scopes_is_403_insufficient_scope() throws Exception {
        HttpResponse<String> response = get("/scoped", "Bearer " + token(c -> c.claim("scope", "write")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .startsWith("Bearer scope=\"read admin\" error=\"insufficient_scope\"");
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void payload_1_0_has_claims_and_null_scopes_in_the_authorizer_block() throws Exception {
        HttpResponse<String> response = get("/v1", "Bearer " + token(c -> c.claim("email", "a@example.com")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("requestContext.authorizer.claims.sub").isEqualTo("alice");
        assertThatJson(response.body()).node("requestContext.authorizer.claims.email").isEqualTo("a@example.com");
        assertThatJson(response.body()).node("requestContext.authorizer.scopes").isNull();
    }

    @Test
    void claims_reach_the_function_exactly_as_rendered() throws Exception {
        get("/me", "Bearer " + token(c -> c.claim("nested", Map.of("b", 2, "a", "x"))));

        assertThat(gateway.invocations("Echo")).hasSize(1);
        assertThatJson(gateway.invocations("Echo").get(0).event())
                .node("requestContext.authorizer.jwt.claims.nested").isString().isEqualTo("map[a:x b:2]");
    }

    @Test
    void without_jwks_configuration_a_token_signed_by_the_local_issuer_is_accepted() throws Exception {
        RSAKey local = localKeys.gateway().localIssuer().signingKey();
        String token = sign(local, valid(localKeys.clock().instant()).build());
        HttpRequest request = HttpRequest.newBuilder(localKeys.uri("/me")).header("Authorization", "Bearer " + token)
                .build();

        HttpResponse<String> response = localKeys.httpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(local.getKeyID()).isEqualTo(localKeys.gateway().localIssuer().keyId());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("requestContext.authorizer.jwt.claims.iss").isEqualTo(ISSUER);
        assertThat(localKeys.invocations("Echo")).hasSize(1);
    }

    @Test
    void without_jwks_configuration_a_token_of_another_key_is_refused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(localKeys.uri("/me"))
                .header("Authorization", "Bearer " + token(c -> c)).build();

        HttpResponse<String> response = localKeys.httpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error_description=\"no key with kid test-key in local issuer\"");
    }
}
