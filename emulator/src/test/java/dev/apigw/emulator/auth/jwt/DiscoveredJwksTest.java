package dev.apigw.emulator.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

class DiscoveredJwksTest {
    private static final JWKSelector ANY_KEY = new JWKSelector(new JWKMatcher.Builder().build());
    private final KeyServer issuer = KeyServer.start();

    @Test
    void an_issuer_with_a_trailing_slash_is_discovered_at_the_same_address() throws Exception {
        issuer.serve("/pool/.well-known/openid-configuration",
                "{\"jwks_uri\": \"" + issuer.baseUrl() + "/pool/keys\"}");
        issuer.serve("/pool/keys", new JWKSet(new RSAKeyGenerator(2048).keyID("k").generate().toPublicJWK())
                .toString());
        DiscoveredJwks keys = new DiscoveredJwks(issuer.baseUrl() + "/pool/");

        assertThat(keys.configurationUrl()).isEqualTo(issuer.baseUrl() + "/pool/.well-known/openid-configuration");
        assertThat(keys.get(ANY_KEY, null)).hasSize(1);
        assertThat(keys.get(ANY_KEY, null)).hasSize(1);
        assertThat(issuer.requests("/pool/.well-known/openid-configuration")).isEqualTo(1);
    }

    @Test
    void a_jwks_uri_that_is_not_http_is_refused_rather_than_read() {
        issuer.serve("/.well-known/openid-configuration", "{\"jwks_uri\": \"file:///etc/hostname\"}");

        assertThatThrownBy(() -> new DiscoveredJwks(issuer.baseUrl()).get(ANY_KEY, null))
                .isInstanceOf(KeySourceException.class)
                .hasMessage("OIDC discovery failed at " + issuer.baseUrl() + "/.well-known/openid-configuration:"
                        + " jwks_uri file:///etc/hostname is not an http(s) URL");
    }

    @Test
    void a_failed_discovery_is_tried_again_on_the_next_use() throws Exception {
        DiscoveredJwks keys = new DiscoveredJwks(issuer.baseUrl());
        assertThatThrownBy(() -> keys.get(ANY_KEY, null)).isInstanceOf(KeySourceException.class)
                .hasMessageContaining("HTTP 404");

        issuer.serve("/.well-known/openid-configuration", "{\"jwks_uri\": \"" + issuer.baseUrl() + "/keys\"}");
        issuer.serve("/keys", new JWKSet(new RSAKeyGenerator(2048).keyID("k").generate().toPublicJWK()).toString());

        assertThat(keys.get(ANY_KEY, null)).hasSize(1);
    }
}
