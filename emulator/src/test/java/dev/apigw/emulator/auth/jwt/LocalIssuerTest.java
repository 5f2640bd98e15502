package dev.apigw.emulator.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local issuer's key: in memory, or persisted to a file that later gateways and `apigw token` share. */
class LocalIssuerTest {
    @TempDir
    Path dir;

    private static boolean verifies(String token, LocalIssuer issuer) throws Exception {
        RSAKey key = issuer.publicKeys().getKeyByKeyId(SignedJWT.parse(token).getHeader().getKeyID()).toRSAKey();
        return SignedJWT.parse(token).verify(new RSASSAVerifier(key));
    }

    private static String token(LocalIssuer issuer) {
        return TokenBuilder.of(issuer, null, issuer.url("127.0.0.1:3000")).subject("alice").sign();
    }

    @Test
    void an_in_memory_key_is_rsa_2048_with_its_thumbprint_as_kid() throws Exception {
        LocalIssuer issuer = LocalIssuer.create(null, Clock.systemUTC());

        assertThat(issuer.signingKey().size()).isEqualTo(2048);
        assertThat(issuer.keyId()).isEqualTo(issuer.signingKey().computeThumbprint().toString());
        assertThat(issuer.publicKeys().getKeys()).singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void a_missing_key_file_is_created_owner_only_and_reused_by_the_next_issuer() throws Exception {
        Path file = dir.resolve("nested/apigw/issuer-key.json");

        LocalIssuer first = LocalIssuer.create(file, Clock.systemUTC());
        LocalIssuer second = LocalIssuer.create(file, Clock.systemUTC());

        assertThat(file).isRegularFile();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(verifies(token(first), second)).isTrue();
        assertThat(verifies(token(second), first)).isTrue();
        assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void two_in_memory_issuers_do_not_trust_each_other() throws Exception {
        LocalIssuer one = LocalIssuer.create(null, Clock.systemUTC());
        LocalIssuer other = LocalIssuer.create(null, Clock.systemUTC());

        assertThat(other.publicKeys().getKeyByKeyId(one.keyId())).isNull();
        assertThat(SignedJWT.parse(token(one)).verify(new RSASSAVerifier(other.publicKeys().getKeys().get(0)
                .toRSAKey()))).isFalse();
    }

    @Test
    void the_kid_follows_from_the_key_even_when_the_file_says_otherwise() throws Exception {
        Path file = dir.resolve("key.json");
        LocalIssuer original = LocalIssuer.create(file, Clock.systemUTC());
        Files.writeString(file, new RSAKey.Builder(original.signingKey()).keyID("edited").build().toJSONString());

        assertThat(LocalIssuer.create(file, Clock.systemUTC()).keyId()).isEqualTo(original.keyId());
    }

    @Test
    void a_key_file_that_is_not_a_jwk_is_refused_with_the_file_and_a_hint() throws Exception {
        Path file = dir.resolve("issuer-key.json");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----");

        assertThatThrownBy(() -> LocalIssuer.create(file, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an RSA key in JWK (JSON) format")
                .hasMessageContaining("delete it to get a new key");
    }

    @Test
    void a_key_file_with_only_the_public_key_is_refused() throws Exception {
        Path file = dir.resolve("public.json");
        Files.writeString(file, LocalIssuer.create(null, Clock.systemUTC()).signingKey().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> LocalIssuer.create(file, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("only a public key");
    }

    @Test
    void the_discovery_document_points_at_the_jwks_under_the_issuer() {
        LocalIssuer issuer = LocalIssuer.create(null, Clock.systemUTC());

        assertThat(issuer.discoveryDocument(issuer.url("localhost:3000")))
                .containsEntry("issuer", "http://localhost:3000/_apigw/issuer")
                .containsEntry("jwks_uri", "http://localhost:3000/_apigw/issuer/.well-known/jwks.json");
    }
}
