package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's keys found by OIDC discovery, as API Gateway does: {@code {issuer}/.well-known/openid-configuration}
 * names the {@code jwks_uri} (same 1500 ms and 150000-byte limits [D]). Discovery runs on first use; a failure is
 * tried again on the next request.
 */
final class DiscoveredJwks implements JWKSource<SecurityContext> {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveredJwks.class);

    private final String configurationUrl;
    private @Nullable RemoteJwks keys;

    DiscoveredJwks(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.configurationUrl = base + "/.well-known/openid-configuration";
    }

    String configurationUrl() {
        return configurationUrl;
    }

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
        return discovered().get(selector, context);
    }

    private synchronized RemoteJwks discovered() throws KeySourceException {
        if (keys == null) {
            keys = new RemoteJwks(jwksUri());
        }
        return keys;
    }

    private URL jwksUri() throws KeySourceException {
        String failure;
        try {
            String document = RemoteJwks.retriever().retrieveResource(new URL(configurationUrl)).getContent();
            Map<String, Object> configuration = JSONObjectUtils.parse(document);
            String jwksUri = JSONObjectUtils.getString(configuration, "jwks_uri");
            if (jwksUri == null) {
                failure = "the document has no jwks_uri";
            } else if (!jwksUri.startsWith("https://") && !jwksUri.startsWith("http://")) {
                // A file: or jar: URL would read local files as keys; issuers publish keys over HTTP(S).
                failure = "jwks_uri " + jwksUri + " is not an http(s) URL";
            } else {
                return URI.create(jwksUri).toURL();
            }
        } catch (IOException | ParseException | IllegalArgumentException e) {
            failure = RemoteJwks.reason(e);
        }
        LOG.warn("cannot discover the JWKS at {}: {}", configurationUrl, failure);
        throw new KeySourceException("OIDC discovery failed at " + configurationUrl + ": " + failure);
    }

    /** For a configuration error at startup: the issuer must be a URL for discovery to work. */
    static @Nullable String invalidIssuer(String issuer) {
        try {
            new URL(issuer + "/.well-known/openid-configuration");
            return null;
        } catch (MalformedURLException e) {
            return e.getMessage();
        }
    }
}
