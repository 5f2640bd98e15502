package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A REST Cognito user pool authorizer, verifying tokens of the gateway's local issuer. */
class CognitoAuthorizerAcceptanceTest {
    static final String POOL = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Pool1";

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-cognito.yaml")
            .withFunction("Echo", new EchoHandler());

    private Instant now() {
        return gateway.clock().instant();
    }

    private String token(String tokenUse, String scope) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(POOL).subject("user-1")
                .claim("token_use", tokenUse).claim("email", "ada@example.com")
                .claim("cognito:groups", List.of("admins", "ops")).claim("auth_time", now().getEpochSecond())
                .issueTime(Date.from(now())).expirationTime(Date.from(now().plusSeconds(3600)));
        if (tokenUse.equals("id")) {
            claims.audience("app-client");
        } else {
            claims.claim("client_id", "app-client").claim("scope", scope);
        }
        RSAKey key = gateway.gateway().localIssuer().signingKey();
        return JwtAuthorizerAcceptanceTest.sign(key, claims.build());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
    }

    @Test
    void an_id_token_opens_a_method_without_scopes_and_its_claims_reach_the_function_as_strings() throws Exception {
        HttpResponse<String> response = get("/profile", token("id", null));

        assertThat(response.statusCode()).isEqualTo(200);
        String claims = "requestContext.authorizer.claims";
        assertThatJson(response.body()).node(claims + ".sub").isEqualTo("user-1");
        assertThatJson(response.body()).node(claims + ".token_use").isEqualTo("id");
        assertThatJson(response.body()).node(claims + ".auth_time").isString().isEqualTo(String.valueOf(now().getEpochSecond()));
        assertThatJson(response.body()).node(claims + ".exp").isString().isEqualTo(
                DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US)
                        .format(now().plusSeconds(3600).atOffset(ZoneOffset.UTC)));
        assertThatJson(response.body()).node(claims + ".cognito:groups").isString().isEqualTo("[admins, ops]");
    }

    @Test
    void the_claims_are_in_context_authorizer_claims_of_mapping_templates() throws Exception {
        HttpResponse<String> response = get("/whoami", token("id", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).isEqualTo("{\"sub\":\"user-1\",\"email\":\"ada@example.com\"}");
    }

    @Test
    void an_access_token_does_not_open_a_method_without_scopes() throws Exception {
        assertUnauthorized(get("/profile", token("access", "orders/read")));
    }

    @Test
    void a_method_with_scopes_takes_an_access_token_with_one_of_them() throws Exception {
        assertThat(get("/orders", token("access", "openid orders/read")).statusCode()).isEqualTo(200);
        assertUnauthorized(get("/orders", token("access", "openid")));
        assertUnauthorized(get("/orders", token("id", null)));
    }

    @Test
    void missing_expired_and_foreign_tokens_are_401() throws Exception {
        assertUnauthorized(get("/profile", null));
        assertUnauthorized(get("/profile", "garbage"));
        String stranger = JwtAuthorizerAcceptanceTest.sign(JwtAuthorizerAcceptanceTest.STRANGER,
                new JWTClaimsSet.Builder().issuer(POOL).claim("token_use", "id")
                        .expirationTime(Date.from(now().plusSeconds(60))).build());
        assertUnauthorized(get("/profile", stranger));

        String token = token("id", null);
        gateway.clock().advance(Duration.ofHours(1));
        assertUnauthorized(get("/profile", token));
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void an_expiry_beyond_javas_dates_is_a_valid_token_whose_exp_keeps_its_digits() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(POOL).subject("user-1").claim("token_use", "id")
                .audience("app-client").issueTime(Date.from(now())).claim("exp", 100_000_000_000_000_000L).build();
        String token = JwtAuthorizerAcceptanceTest.sign(gateway.gateway().localIssuer().signingKey(), claims);

        HttpResponse<String> response = get("/profile", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("requestContext.authorizer.claims.exp").isString()
                .isEqualTo("100000000000000000");
    }

    @Test
    void a_bearer_prefix_is_accepted() throws Exception {
        assertThat(get("/profile", "Bearer " + token("id", null)).statusCode()).isEqualTo(200);
    }
}
