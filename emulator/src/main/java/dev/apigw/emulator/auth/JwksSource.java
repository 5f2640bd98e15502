package dev.apigw.emulator.auth;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where JWT and Cognito authorizers get the keys that verify token signatures ({@code --jwks NAME=SOURCE}).
 * By default every issuer is verified against apigw's local issuer, so tests need no network.
 */
public sealed interface JwksSource {

    /** apigw's own signing key: tokens from {@code apigw token} or the fixture's {@code tokens()} verify. */
    record Local() implements JwksSource {}

    /** The real issuer's keys: OIDC discovery from {@code {issuer}/.well-known/openid-configuration}. */
    record Discovery() implements JwksSource {}

    /** A JWKS served at this URL. */
    record Url(URI uri) implements JwksSource {
        public Url {
            requireNonNull(uri, "uri");
        }
    }

    /** A JWKS document in a file. */
    record File(Path path) implements JwksSource {
        public File {
            requireNonNull(path, "path");
        }
    }

    JwksSource LOCAL = new Local();

    /** {@code local}, {@code discover}, an {@code http(s)://} URL, or a file path. */
    static JwksSource parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("expected local, discover, an https:// JWKS URL or a JWKS file path,"
                    + " but found nothing");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("local")) {
            return LOCAL;
        }
        if (lower.equals("discover")) {
            return new Discovery();
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new Url(URI.create(trimmed));
        }
        return new File(Path.of(trimmed));
    }
}
