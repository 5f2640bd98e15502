package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.apigw.emulator.auth.jwt.KeyServer;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JWT authorizers finding their issuer's keys by OIDC discovery ({@code --jwks NAME=discover}), as API Gateway does:
 * {@code {issuer}/.well-known/openid-configuration} names the {@code jwks_uri} [D http-api-jwt-authorizer]. The
 * issuer is a local server, so the spec is written at class load with its port in the issuer URLs.
 */
class JwksDiscoveryAcceptanceTest {
    static final RSAKey KEY = JwtAuthorizerAcceptanceTest.rsaKey("discovered-key");
    static final KeyServer ISSUER = KeyServer.start();
    static final String BROKEN_ISSUER = ISSUER.baseUrl() + "/broken";

    static {
        ISSUER.serve("/.well-known/openid-configuration", "{\"issuer\":\"" + ISSUER.baseUrl() + "\",\"jwks_uri\":\""
                + ISSUER.baseUrl() + "/oauth2/keys\"}");
        ISSUER.serve("/oauth2/keys", JwksUrlAcceptanceTest.jwks(KEY));
        ISSUER.serve("/broken/.well-known/openid-configuration", "{\"issuer\":\"" + BROKEN_ISSUER + "\"}");
    }

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec(spec().toString())
            .withJwks("Oidc", "discover")
            .withJwks("NoJwksUri", "discover")
            .withFunction("Echo", new EchoHandler());

    /** Two JWT authorizers: one for the issuer that serves discovery properly, one whose document lacks jwks_uri. */
    static Path spec() {
        String integration = """
                      x-amazon-apigateway-integration:
                        type: aws_proxy
                        httpMethod: POST
                        payloadFormatVersion: "2.0"
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Echo/invocations
                """;
        String spec = """
                openapi: 3.0.1
                info: {title: http-jwt-discovery, version: "1"}
                paths:
                  /discovered:
                    get:
                      security:
                        - Oidc: []
                %s
                  /broken:
                    get:
                      security:
                        - NoJwksUri: []
                %s
                components:
                  securitySchemes:
                    Oidc:
                      type: oauth2
                      flows: {}
                      x-amazon-apigateway-authorizer:
                        type: jwt
                        identitySource: $request.header.Authorization
                        jwtConfiguration: {issuer: "%s", audience: [api-client]}
                    NoJwksUri:
                      type: oauth2
                      flows: {}
                      x-amazon-apigateway-authorizer:
                        type: jwt
                        identitySource: $request.header.Authorization
                        jwtConfiguration: {issuer: "%s", audience: [api-client]}
                """.formatted(integration.stripTrailing(), integration.stripTrailing(), ISSUER.baseUrl(), BROKEN_ISSUER);
        try {
            Path file = Files.createTempFile("http-jwt-discovery", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path, String issuer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token(issuer)).build();
        return gateway.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String token(String issuer) throws JOSEException {
        return JwtAuthorizerAcceptanceTest.sign(KEY, new JWTClaimsSet.Builder().issuer(issuer).audience("api-client")
                .subject("alice").issueTime(Date.from(gateway.clock().instant().minusSeconds(60)))
                .expirationTime(Date.from(gateway.clock().instant().plusSeconds(3600))).build());
    }

    @Test
    void a_token_verifies_against_the_keys_at_the_discovered_jwks_uri() throws Exception {
        assertThat(get("/discovered", ISSUER.baseUrl()).statusCode()).isEqualTo(200);
        assertThat(get("/discovered", ISSUER.baseUrl()).statusCode()).isEqualTo(200);

        assertThat(gateway.invocations("Echo")).hasSize(2);
        assertThat(ISSUER.requests("/.well-known/openid-configuration")).isEqualTo(1);
        assertThat(ISSUER.requests("/oauth2/keys")).isEqualTo(1);
    }

    @Test
    void a_discovery_document_without_jwks_uri_is_401_and_a_warning() throws Exception {
        String configuration = BROKEN_ISSUER + "/.well-known/openid-configuration";
        StringBuilder log = new StringBuilder();

        HttpResponse<String> response = JwksUrlAcceptanceTest.withStandardErrorInto(log,
                () -> get("/broken", BROKEN_ISSUER));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer scope=\"\""
                + " error=\"invalid_token\" error_description=\"unable to get the signing keys from " + configuration
                + "\"");
        assertThat(gateway.invocations("Echo")).isEmpty();
        List<String> lines = log.toString().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains("WARN")).singleElement().asString()
                .contains("cannot discover the JWKS at " + configuration + ": the document has no jwks_uri");
        assertThat(lines).noneMatch(line -> line.startsWith("\tat "));
    }
}
