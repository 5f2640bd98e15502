package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JWKS fetched over HTTP on first use, with API Gateway's limits: 1500 ms to connect and to read, at most
 * 150000 bytes [D http-api-jwt-authorizer]. Nimbus caches the set (five minutes), fetches it again when a token
 * names an unknown {@code kid}, and allows at most two fetches in 30 seconds so a stream of bad tokens cannot
 * hammer the issuer. While that limit holds back a fetch after a failed one, requests are refused as the failed
 * fetch was, so the reason stays "cannot fetch" rather than "unknown kid".
 */
final class RemoteJwks implements JWKSource<SecurityContext> {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);

    /** API Gateway's JWKS and OIDC discovery limits [D]. */
    static final int TIMEOUT_MILLIS = 1500;
    static final int SIZE_LIMIT_BYTES = 150_000;

    private final URL url;
    private final JWKSource<SecurityContext> source;
    /** Why the last fetch failed; null once one succeeds. */
    private volatile @Nullable String lastFailure;

    RemoteJwks(URL url) {
        this.url = url;
        // Refresh-ahead would start a background thread per source; the cache reloads on demand instead.
        this.source = JWKSourceBuilder.<SecurityContext>create(url, retriever())
                .refreshAheadCache(false)
                .retrying(false)
                .build();
    }

    /**
     * An HTTP GET with API Gateway's limits. Nimbus refuses a body that reaches its limit, even when nothing follows,
     * so it is given one byte more: a document of exactly 150000 bytes is within AWS's limit.
     */
    static ResourceRetriever retriever() {
        DefaultResourceRetriever http = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS,
                SIZE_LIMIT_BYTES + 1);
        return url -> {
            try {
                return http.retrieveResource(url);
            } catch (FileNotFoundException e) {
                // HttpURLConnection's answer to 404 (and 410), whose message is only the URL.
                throw new IOException("HTTP 404 Not Found");
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).startsWith("Exceeded configured input limit")) {
                    throw new IOException("the response is over API Gateway's limit of " + SIZE_LIMIT_BYTES
                            + " bytes");
                }
                throw e;
            }
        };
    }

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
        try {
            List<JWK> keys = source.get(selector, context);
            lastFailure = null;
            return keys;
        } catch (RateLimitReachedException e) {
            String failure = lastFailure;
            if (failure != null) {
                // Still down: the same answer as the failed fetch, without asking the issuer or logging again.
                throw new KeySourceException("the JWKS at " + url + " is unavailable: " + failure);
            }
            // Not a failure of the issuer: the token names a kid the recently fetched set lacks.
            return List.of();
        } catch (KeySourceException e) {
            lastFailure = reason(e);
            LOG.warn("cannot fetch the JWKS at {}: {}", url, lastFailure);
            throw e;
        }
    }

    /** The innermost message: the connect timeout, the HTTP status, the size limit, the parse error. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
