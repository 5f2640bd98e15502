package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import dev.apigw.emulator.auth.JwksSource;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each authorizer's verification keys come from ({@code --jwks NAME=SOURCE}): the source configured for the
 * authorizer's name, else for its issuer, else for {@code *}, else apigw's local issuer. JWKS files are read at
 * startup; URLs and discovery are fetched on first use and shared by every authorizer that names them.
 */
public final class KeySources {
    /** The configuration key that applies to every authorizer not configured by name or issuer. */
    public static final String ANY = "*";

    private final Map<String, JwksSource> configured;
    private final LocalIssuer localIssuer;
    private final Map<Path, IssuerKeys> files;
    private final Map<Object, IssuerKeys> remote = new ConcurrentHashMap<>();

    private KeySources(Map<String, JwksSource> configured, LocalIssuer localIssuer, Map<Path, IssuerKeys> files) {
        this.configured = Map.copyOf(configured);
        this.localIssuer = localIssuer;
        this.files = Map.copyOf(files);
    }

    /** Reads the configured JWKS files; one that cannot be read or parsed is a startup problem. */
    public static KeySources compile(Map<String, JwksSource> configured, LocalIssuer localIssuer,
            List<String> problems) {
        Map<Path, IssuerKeys> files = new LinkedHashMap<>();
        configured.forEach((name, source) -> {
            if (source instanceof JwksSource.File file && !files.containsKey(file.path())) {
                files.put(file.path(), readFile(name, file.path(), problems));
            }
        });
        return new KeySources(configured, localIssuer, files);
    }

    private static IssuerKeys readFile(String name, Path path, List<String> problems) {
        String origin = "JWKS file " + path;
        try {
            return IssuerKeys.fixed(JWKSet.parse(Files.readString(path)), origin);
        } catch (IOException e) {
            problems.add("--jwks " + name + "=" + path + ": cannot read the JWKS file (" + e.getMessage()
                    + "). Check the path, or use local, discover or an https:// JWKS URL.");
        } catch (ParseException e) {
            problems.add("--jwks " + name + "=" + path + ": the file is not a JWKS document (" + e.getMessage()
                    + "). Expected JSON like {\"keys\": [{\"kty\": \"RSA\", \"kid\": ..., \"n\": ..., \"e\": ...}]}.");
        }
        return IssuerKeys.fixed(new JWKSet(), origin);
    }

    /** The source that applies to this authorizer and issuer, by the lookup order above. */
    public JwksSource sourceFor(String authorizerName, String issuer) {
        JwksSource source = configured.get(authorizerName);
        if (source == null) {
            source = configured.get(issuer);
        }
        if (source == null) {
            source = configured.get(ANY);
        }
        return source == null ? JwksSource.LOCAL : source;
    }

    /**
     * The keys for tokens of {@code issuer} checked by authorizer {@code authorizerName}; a configuration that cannot
     * work (discovery of an issuer that is not a URL) is added to {@code problems}.
     */
    IssuerKeys keysFor(String authorizerName, String issuer, List<String> problems) {
        JwksSource source = sourceFor(authorizerName, issuer);
        if (source instanceof JwksSource.Local) {
            return new IssuerKeys((selector, context) -> selector.select(localIssuer.publicKeys()), "local issuer");
        }
        if (source instanceof JwksSource.File file) {
            return files.get(file.path());
        }
        if (source instanceof JwksSource.Url url) {
            try {
                URL location = url.uri().toURL();
                return remote.computeIfAbsent(url.uri(),
                        uri -> new IssuerKeys(new RemoteJwks(location), "JWKS " + uri));
            } catch (MalformedURLException | IllegalArgumentException e) {
                problems.add("authorizer " + authorizerName + ": the JWKS URL " + url.uri() + " is not valid ("
                        + e.getMessage() + ").");
                return IssuerKeys.fixed(new JWKSet(), "JWKS " + url.uri());
            }
        }
        String invalid = DiscoveredJwks.invalidIssuer(issuer);
        if (invalid != null) {
            problems.add("authorizer " + authorizerName + ": OIDC discovery needs an issuer URL, but the issuer is '"
                    + issuer + "' (" + invalid + "). Give the JWKS URL instead: --jwks " + authorizerName
                    + "=https://.../jwks.json");
            return IssuerKeys.fixed(new JWKSet(), "discovery for " + issuer);
        }
        return remote.computeIfAbsent("discover " + issuer, key -> {
            DiscoveredJwks discovered = new DiscoveredJwks(issuer);
            return new IssuerKeys(discovered, discovered.configurationUrl());
        });
    }
}
