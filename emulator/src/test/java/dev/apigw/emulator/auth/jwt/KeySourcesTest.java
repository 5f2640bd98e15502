package dev.apigw.emulator.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.apigw.emulator.auth.JwksSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourcesTest {
    static final String ISSUER = "https://issuer.example.com";
    private final LocalIssuer localIssuer = LocalIssuer.create(null, Clock.systemUTC());
    private final List<String> problems = new ArrayList<>();

    @TempDir
    Path dir;

    private static JWKSelector kid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    @Test
    void the_source_is_looked_up_by_authorizer_name_then_issuer_then_star_then_local() {
        JwksSource byName = JwksSource.parse("named.json");
        JwksSource byIssuer = JwksSource.parse("https://keys.example.com/jwks.json");
        JwksSource any = JwksSource.parse("discover");
        Map<String, JwksSource> configured = new LinkedHashMap<>();
        configured.put(KeySources.ANY, any);
        configured.put(ISSUER, byIssuer);
        configured.put("Named", byName);
        KeySources sources = KeySources.compile(Map.copyOf(configured), localIssuer, new ArrayList<>());

        assertThat(sources.sourceFor("Named", ISSUER)).isEqualTo(byName);
        assertThat(sources.sourceFor("Other", ISSUER)).isEqualTo(byIssuer);
        assertThat(sources.sourceFor("Other", "https://another.example.com")).isEqualTo(any);
        assertThat(KeySources.compile(Map.of("Named", byName), localIssuer, new ArrayList<>())
                .sourceFor("Other", ISSUER)).isEqualTo(JwksSource.LOCAL);
    }

    @Test
    void without_configuration_the_keys_are_the_local_issuers() throws Exception {
        KeySources sources = KeySources.compile(Map.of(), localIssuer, problems);

        IssuerKeys keys = sources.keysFor("Jwt", ISSUER, problems);

        assertThat(keys.origin()).isEqualTo("local issuer");
        assertThat(keys.source().get(kid(localIssuer.keyId()), null)).hasSize(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void a_jwks_file_is_read_at_startup_and_serves_its_keys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("file-key").generate();
        Path file = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        KeySources sources = KeySources.compile(Map.of("*", new JwksSource.File(file)), localIssuer, problems);
        Files.delete(file);

        IssuerKeys keys = sources.keysFor("Jwt", ISSUER, problems);

        assertThat(keys.origin()).isEqualTo("JWKS file " + file);
        assertThat(keys.source().get(kid("file-key"), null)).singleElement()
                .isEqualTo(key.toPublicJWK());
        assertThat(problems).isEmpty();
    }

    @Test
    void a_jwks_file_that_is_not_a_jwks_is_a_startup_problem_naming_the_file() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.json"), "{\"keys\": [{\"kty\": \"nope\"}]");

        KeySources.compile(Map.of("Jwt", new JwksSource.File(file)), localIssuer, problems);

        assertThat(problems).singleElement().asString()
                .startsWith("--jwks Jwt=" + file + ": the file is not a JWKS document (")
                .contains("Expected JSON like {\"keys\": [{\"kty\": \"RSA\"");
    }

    @Test
    void a_missing_jwks_file_is_a_startup_problem_naming_the_file() {
        Path file = dir.resolve("missing.json");

        KeySources.compile(Map.of("*", new JwksSource.File(file)), localIssuer, problems);

        assertThat(problems).singleElement().asString()
                .startsWith("--jwks *=" + file + ": cannot read the JWKS file (")
                .endsWith("Check the path, or use local, discover or an https:// JWKS URL.");
    }

    @Test
    void a_url_is_not_fetched_at_startup_and_is_shared_by_the_authorizers_that_name_it() throws Exception {
        KeyServer server = KeyServer.start();
        RSAKey key = new RSAKeyGenerator(2048).keyID("remote-key").generate();
        server.serve("/jwks.json", new JWKSet(key.toPublicJWK()).toString());
        JwksSource url = new JwksSource.Url(URI.create(server.baseUrl() + "/jwks.json"));
        KeySources sources = KeySources.compile(Map.of("*", url), localIssuer, problems);

        IssuerKeys first = sources.keysFor("First", ISSUER, problems);
        IssuerKeys second = sources.keysFor("Second", "https://other.example.com", problems);

        assertThat(server.requests("/jwks.json")).isZero();
        assertThat(second).isSameAs(first);
        assertThat(first.origin()).isEqualTo("JWKS " + server.baseUrl() + "/jwks.json");
        assertThat(first.source().get(kid("remote-key"), null)).hasSize(1);
        assertThat(second.source().get(kid("remote-key"), null)).hasSize(1);
        assertThat(server.requests("/jwks.json")).isEqualTo(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void discovery_for_an_issuer_that_is_not_a_url_is_a_startup_problem_with_a_hint() {
        KeySources sources = KeySources.compile(Map.of("*", new JwksSource.Discovery()), localIssuer, problems);

        sources.keysFor("Jwt", "my-issuer", problems);

        assertThat(problems).singleElement().asString()
                .startsWith("authorizer Jwt: OIDC discovery needs an issuer URL, but the issuer is 'my-issuer' (")
                .endsWith("Give the JWKS URL instead: --jwks Jwt=https://.../jwks.json");
    }

    @Test
    void the_issuer_matches_exactly_and_discovery_names_its_openid_configuration() {
        KeySources sources = KeySources.compile(Map.of(ISSUER, new JwksSource.Discovery()), localIssuer, problems);

        assertThat(sources.keysFor("Jwt", ISSUER + "/", problems).origin()).isEqualTo("local issuer");
        assertThat(sources.keysFor("Jwt", ISSUER, problems).origin())
                .isEqualTo(ISSUER + "/.well-known/openid-configuration");
        assertThat(problems).isEmpty();
    }
}
