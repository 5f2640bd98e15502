package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.apigw.emulator.auth.jwt.KeyServer;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JWT authorizers verifying against a JWKS fetched over HTTP ({@code --jwks NAME=https://...}), as API Gateway does
 * from the issuer's {@code jwks_uri}: fetched on first use, fetched again for an unknown {@code kid}, at most 150000
 * bytes [D http-api-jwt-authorizer]. Each scenario has its own authorizer and JWKS URL (specs/http-jwt-remote.yaml),
 * so no test depends on another's cache.
 */
class JwksUrlAcceptanceTest {
    static final String ISSUER = "https://issuer.example.com";
    static final RSAKey KEY = JwtAuthorizerAcceptanceTest.rsaKey("remote-key");
    static final RSAKey ROTATED = JwtAuthorizerAcceptanceTest.rsaKey("rotated-key");
    static final KeyServer KEYS = KeyServer.start();
    static final String CLOSED_PORT_URL = "http://127.0.0.1:" + closedPort() + "/jwks.json";
    static final String ANOTHER_CLOSED_PORT_URL = "http://127.0.0.1:" + closedPort() + "/keys";
    /** API Gateway's JWKS response size limit [D]. */
    static final int SIZE_LIMIT = 150_000;

    static {
        KEYS.serve("/jwks.json", jwks(KEY));
        KEYS.serve("/rotating.json", jwks(KEY));
        KEYS.serve("/lazy.json", jwks(KEY));
        KEYS.serve("/oversized.json", paddedTo(SIZE_LIMIT + 1, KEY));
        KEYS.serve("/at-limit.json", paddedTo(SIZE_LIMIT, KEY));
    }

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-jwt-remote.yaml")
            .withJwks("*", KEYS.baseUrl() + "/jwks.json")
            .withJwks("Rotating", KEYS.baseUrl() + "/rotating.json")
            .withJwks("Lazy", KEYS.baseUrl() + "/lazy.json")
            .withJwks("Unreachable", CLOSED_PORT_URL)
            .withJwks("StillUnreachable", ANOTHER_CLOSED_PORT_URL)
            .withJwks("Oversized", KEYS.baseUrl() + "/oversized.json")
            .withJwks("AtLimit", KEYS.baseUrl() + "/at-limit.json")
            .withFunction("Echo", new EchoHandler());

    static String jwks(RSAKey key) {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A valid JWKS of exactly {@code size} bytes: the key set, padded with an ignored member. */
    static String paddedTo(int size, RSAKey key) {
        String keys = jwks(key);
        String prefix = "{\"padding\":\"";
        String suffix = "\"," + keys.substring(1);
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }

    /** A port nothing listens on: bound, then released. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(RSAKey key) throws JOSEException {
        return JwtAuthorizerAcceptanceTest.sign(key, new JWTClaimsSet.Builder().issuer(ISSUER).audience("api-client")
                .subject("alice").issueTime(Date.from(gateway.clock().instant().minusSeconds(60)))
                .expirationTime(Date.from(gateway.clock().instant().plusSeconds(3600))).build());
    }

    private HttpResponse<String> get(String path, RSAKey key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token(key)).build();
        return gateway.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_token_signed_by_a_key_of_the_served_jwks_is_accepted() throws Exception {
        HttpResponse<String> response = get("/remote", KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.invocations("Echo")).hasSize(1);
        assertThat(KEYS.requests("/jwks.json")).isEqualTo(1);
    }

    @Test
    void the_jwks_is_fetched_on_first_use_not_at_startup_and_then_cached() throws Exception {
        assertThat(KEYS.requests("/lazy.json")).isZero();

        assertThat(get("/lazy", KEY).statusCode()).isEqualTo(200);
        assertThat(get("/lazy", KEY).statusCode()).isEqualTo(200);

        assertThat(KEYS.requests("/lazy.json")).isEqualTo(1);
    }

    @Test
    void a_key_rotated_after_the_first_fetch_is_picked_up_by_fetching_again_for_its_unknown_kid() throws Exception {
        assertThat(get("/rotating", KEY).statusCode()).isEqualTo(200);
        KEYS.serve("/rotating.json", jwks(ROTATED));

        HttpResponse<String> response = get("/rotating", ROTATED);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(KEYS.requests("/rotating.json")).isEqualTo(2);
    }

    @Test
    void an_unreachable_jwks_url_is_401_and_one_warning_without_a_stack_trace() throws Exception {
        StringBuilder log = new StringBuilder();
        HttpResponse<String> response = withStandardErrorInto(log, () -> get("/unreachable", KEY));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer scope=\"\""
                + " error=\"invalid_token\" error_description=\"unable to get the signing keys from JWKS "
                + CLOSED_PORT_URL + "\"");
        assertThat(gateway.invocations("Echo")).isEmpty();
        List<String> lines = log.toString().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains("WARN")).singleElement().asString()
                .contains("cannot fetch the JWKS at " + CLOSED_PORT_URL);
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }

    @Test
    void while_the_jwks_stays_unreachable_every_request_is_refused_for_that_reason() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get("/still-unreachable", KEY);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("www-authenticate").orElseThrow()).contains(
                    "error_description=\"unable to get the signing keys from JWKS " + ANOTHER_CLOSED_PORT_URL);
        }
    }

    @Test
    void a_jwks_over_150000_bytes_is_refused_with_401() throws Exception {
        StringBuilder log = new StringBuilder();
        HttpResponse<String> response = withStandardErrorInto(log, () -> get("/oversized", KEY));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error_description=\"unable to get the signing keys from JWKS " + KEYS.baseUrl());
        assertThat(KEYS.requests("/oversized.json")).isEqualTo(1);
        assertThat(log.toString()).contains("cannot fetch the JWKS at " + KEYS.baseUrl() + "/oversized.json")
                .contains("the response is over API Gateway's limit of 150000 bytes");
    }

    @Test
    void a_jwks_of_exactly_150000_bytes_is_accepted() throws Exception {
        assertThat(paddedTo(SIZE_LIMIT, KEY)).hasSize(SIZE_LIMIT);

        assertThat(get("/at-limit", KEY).statusCode()).isEqualTo(200);
    }

    interface Call<T> {
        T run() throws Exception;
    }

    /** Runs {@code call} with standard error, where apigw's log (slf4j-simple) writes, copied into {@code log}. */
    static <T> T withStandardErrorInto(StringBuilder log, Call<T> call) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return call.run();
        } finally {
            System.setErr(original);
            log.append(captured.toString(StandardCharsets.UTF_8));
            original.print(captured.toString(StandardCharsets.UTF_8));
        }
    }
}
