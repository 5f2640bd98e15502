package dev.apigw.emulator.auth.jwt;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.emulator.MutableClock;
import dev.apigw.importer.OpenApiImporter;
import dev.apigw.model.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tokens shaped for the API's authorizer, signed by the local issuer, timed by its clock. */
class TokenBuilderTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String LOCAL = "http://127.0.0.1:3000/_apigw/issuer";

    private final MutableClock clock = MutableClock.at(NOW);
    private final LocalIssuer issuer = LocalIssuer.create(null, clock);

    private static Api api(String spec) {
        return OpenApiImporter.importFrom(Path.of("src/test/resources/specs/" + spec)).orThrow();
    }

    private TokenBuilder tokens(Api api) {
        return TokenBuilder.of(issuer, api, LOCAL);
    }

    /** The payload as JSON, after checking header and signature. */
    private String payload(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.keyId());
        assertThat(jwt.verify(new RSASSAVerifier(issuer.publicKeys().getKeys().get(0).toRSAKey()))).isTrue();
        return jwt.getPayload().toString();
    }

    @Nested
    class HttpApiJwtAuthorizer {
        private final Api api = api("local-issuer-http.yaml");

        @Test
        void takes_the_authorizers_issuer_and_first_audience_and_joins_scopes() throws Exception {
            String payload = payload(tokens(api).subject("alice").scopes("read", "write").sign());

            assertThatJson(payload).isEqualTo("{\"sub\":\"alice\","
                    + "\"iss\":\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123\","
                    + "\"aud\":\"client-1\",\"scope\":\"read write\","
                    + "\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 3600) + "}");
        }

        @Test
        void without_scopes_there_is_no_scope_claim_and_no_cognito_claims() throws Exception {
            assertThatJson(payload(tokens(api).subject("alice").sign()))
                    .isObject().doesNotContainKeys("scope", "token_use", "cognito:username", "client_id");
        }

        @Test
        void explicit_values_replace_the_defaults() throws Exception {
            String payload = payload(tokens(api).subject("bob").issuer("https://elsewhere.example.com")
                    .audience("a", "b").clientId("app").notBefore(NOW.plusSeconds(5)).claim("tenant", "acme")
                    .claim("sub", "carol").sign());

            assertThatJson(payload).isObject()
                    .containsEntry("iss", "https://elsewhere.example.com")
                    .containsEntry("client_id", "app")
                    .containsEntry("tenant", "acme")
                    .containsEntry("sub", "carol");
            assertThatJson(payload).node("aud").isArray().containsExactly("a", "b");
            assertThatJson(payload).node("nbf").isEqualTo(NOW.getEpochSecond() + 5);
        }
    }

    @Nested
    class RestCognitoAuthorizer {
        private final Api api = api("local-issuer-rest-cognito.yaml");

        @Test
        void without_scopes_it_is_an_id_token_of_the_user_pool() throws Exception {
            String payload = payload(tokens(api).subject("alice").sign());

            assertThatJson(payload).isObject()
                    .containsEntry("iss", "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Pool1")
                    .containsEntry("token_use", "id")
                    .containsEntry("cognito:username", "alice")
                    .containsEntry("aud", TokenBuilder.DEFAULT_CLIENT_ID)
                    .containsKeys("jti", "auth_time")
                    .doesNotContainKeys("scope", "client_id");
        }

        @Test
        void with_scopes_it_is_an_access_token_with_client_id_and_scope() throws Exception {
            String payload = payload(tokens(api).subject("alice").scopes("pets/read", "openid").clientId("app1")
                    .sign());

            assertThatJson(payload).isObject()
                    .containsEntry("token_use", "access")
                    .containsEntry("client_id", "app1")
                    .containsEntry("scope", "pets/read openid")
                    .containsEntry("username", "alice")
                    .doesNotContainKeys("aud", "cognito:username");
        }

        @Test
        void token_use_can_be_chosen() throws Exception {
            assertThatJson(payload(tokens(api).tokenUse("access").sign())).isObject()
                    .containsEntry("token_use", "access").containsEntry("client_id", TokenBuilder.DEFAULT_CLIENT_ID);
            assertThatThrownBy(() -> tokens(api).tokenUse("refresh"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id or access");
        }
    }

    @Nested
    class Choosing {
        private final Api two = api("local-issuer-two-authorizers.yaml");

        @Test
        void without_an_api_the_issuer_is_the_local_issuer_and_there_is_no_audience() throws Exception {
            assertThatJson(payload(tokens(null).sign())).isObject()
                    .containsEntry("iss", LOCAL).containsEntry("sub", TokenBuilder.DEFAULT_SUBJECT)
                    .doesNotContainKey("aud");
        }

        @Test
        void a_named_authorizer_gives_the_defaults() throws Exception {
            assertThatJson(payload(tokens(two).forAuthorizer("Second").sign())).isObject()
                    .containsEntry("iss", "https://second.example.com/").containsEntry("aud", "second-api");
        }

        @Test
        void several_authorizers_without_a_choice_are_ambiguous() {
            assertThatThrownBy(() -> tokens(two).sign())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("First, Second").hasMessageContaining("forAuthorizer");
        }

        @Test
        void an_unknown_authorizer_is_refused_with_the_names() {
            assertThatThrownBy(() -> tokens(two).forAuthorizer("Third"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the API has no authorizer named Third; its JWT and Cognito authorizers are: First,"
                            + " Second");
        }
    }

    @Nested
    class Time {
        private final Api api = api("local-issuer-http.yaml");

        @Test
        void iat_and_exp_follow_the_issuers_clock() throws Exception {
            clock.advance(Duration.ofMinutes(10));

            String payload = payload(tokens(api).expiresIn(Duration.ofMinutes(5)).sign());

            long now = NOW.plus(Duration.ofMinutes(10)).getEpochSecond();
            assertThatJson(payload).node("iat").isEqualTo(now);
            assertThatJson(payload).node("exp").isEqualTo(now + 300);
        }

        @Test
        void issued_at_moves_the_expiry_with_it() throws Exception {
            Instant past = NOW.minus(Duration.ofHours(2));

            String payload = payload(tokens(api).issuedAt(past).claim("auth_time", past).sign());

            assertThatJson(payload).node("iat").isEqualTo(past.getEpochSecond());
            assertThatJson(payload).node("exp").isEqualTo(past.getEpochSecond() + 3600);
            assertThatJson(payload).node("auth_time").isEqualTo(past.getEpochSecond());
        }
    }
}
