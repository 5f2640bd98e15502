package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local issuer from a running gateway: discovery and JWKS over HTTP, and fixture tokens that the API's JWT
 * authorizer (whose spec names a real Cognito issuer) accepts until the test clock passes their expiry.
 */
class LocalIssuerAcceptanceTest {
    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/local-issuer-http.yaml")
            .withFunction("Echo", new EchoHandler());

    @RegisterExtension
    static ApiGatewayExtension cognito = ApiGatewayExtension.fromSpec("specs/local-issuer-rest-cognito.yaml")
            .withFunction("Echo", new EchoHandler());

    private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI issuer(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/_apigw/issuer" + path);
    }

    @Test
    void discovery_points_at_the_jwks_that_verifies_fixture_tokens() throws Exception {
        HttpResponse<String> discovery = get(issuer("/.well-known/openid-configuration"), null);

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThatJson(discovery.body()).node("issuer").isEqualTo(issuer("").toString());
        assertThatJson(discovery.body()).node("jwks_uri").isEqualTo(issuer("/.well-known/jwks.json").toString());

        HttpResponse<String> jwks = get(issuer("/.well-known/jwks.json"), null);
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThatJson(jwks.body()).node("keys[0]").isObject().doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        SignedJWT token = SignedJWT.parse(gateway.tokens().subject("alice").sign());
        assertThat(token.verify(new RSASSAVerifier(JWKSet.parse(jwks.body())
                .getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey()))).isTrue();
    }

    @Test
    void fixture_tokens_carry_the_spec_issuer_and_audience() throws Exception {
        SignedJWT token = SignedJWT.parse(gateway.tokens().subject("alice").scopes("read").sign());

        assertThat(token.getJWTClaimsSet().getIssuer())
                .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("client-1");
        assertThat(token.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond())
                .isEqualTo(gateway.clock().instant().getEpochSecond());
    }

    @Test
    void the_jwt_route_accepts_a_fixture_token_and_refuses_it_once_expired() throws Exception {
        String token = gateway.tokens().subject("alice").scopes("read").expiresIn(Duration.ofMinutes(5)).sign();

        HttpResponse<String> accepted = get(gateway.uri("/me"), "Bearer " + token);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThatJson(accepted.body()).node("requestContext.authorizer.jwt.claims.sub").isEqualTo("alice");

        gateway.clock().advance(Duration.ofHours(1));

        HttpResponse<String> expired = get(gateway.uri("/me"), "Bearer " + token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void the_cognito_route_accepts_a_fixture_id_token_of_its_user_pool() throws Exception {
        HttpResponse<String> response = get(cognito.uri("/profile"), cognito.tokens().subject("alice").sign());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("requestContext.authorizer.claims.token_use").isEqualTo("id");
        assertThatJson(response.body()).node("requestContext.authorizer.claims.cognito:username").isEqualTo("alice");
    }
}
