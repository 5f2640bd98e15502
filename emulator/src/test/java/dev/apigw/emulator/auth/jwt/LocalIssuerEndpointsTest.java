package dev.apigw.emulator.auth.jwt;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.emulator.server.EmulatorRoutes;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The issuer's discovery document and JWKS, served by {@link EmulatorRoutes} over real HTTP. */
class LocalIssuerEndpointsTest {
    private static final LocalIssuer ISSUER = LocalIssuer.create(null, Clock.systemUTC());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Javalin app;

    @BeforeAll
    static void serve() {
        app = Javalin.create(config -> config.showJavalinBanner = false);
        EmulatorRoutes.register(app, ISSUER);
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void discovery_names_the_issuer_by_the_address_the_client_used() throws Exception {
        HttpResponse<String> response = get("/_apigw/issuer/.well-known/openid-configuration");

        String issuer = "http://127.0.0.1:" + app.port() + "/_apigw/issuer";
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThatJson(response.body()).isEqualTo("{\"issuer\":\"" + issuer + "\","
                + "\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\","
                + "\"response_types_supported\":[\"token\",\"id_token\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    }

    @Test
    void the_jwks_has_the_public_key_only_and_verifies_minted_tokens() throws Exception {
        HttpResponse<String> response = get("/_apigw/issuer/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThatJson(response.body()).node("keys").isArray().hasSize(1);
        assertThatJson(response.body()).node("keys[0]").isObject()
                .containsEntry("kty", "RSA").containsEntry("kid", ISSUER.keyId())
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth");
        String token = TokenBuilder.of(ISSUER, null, ISSUER.url("127.0.0.1")).subject("alice").sign();
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet fetched = JWKSet.parse(response.body());
        assertThat(jwt.verify(new RSASSAVerifier(fetched.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
    }

    @Test
    void other_paths_under_the_reserved_prefix_stay_404() throws Exception {
        HttpResponse<String> response = get("/_apigw/issuer/authorize");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(get("/_apigw/health").statusCode()).isEqualTo(200);
    }
}
