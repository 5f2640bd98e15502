package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * apigw's own OIDC issuer: one RSA key that signs the tokens of {@code apigw token} and the fixture's
 * {@code tokens()}, and that JWT and Cognito authorizers trust by default. Its discovery document and JWKS are served
 * under {@link #path()} ({@link #PATH} unless the admin prefix moved), like a real issuer's, so clients that discover keys work against it too.
 *
 * <pre>{@code
 * LocalIssuer issuer = LocalIssuer.create(LocalIssuer.DEFAULT_KEY_FILE, Clock.systemUTC());
 * String token = TokenBuilder.of(issuer, null, issuer.url("127.0.0.1:3000")).subject("alice").sign();
 * }</pre>
 */
public final class LocalIssuer {
    /** Where the issuer lives under the gateway's reserved path, unless the admin prefix moved it. */
    public static final String PATH = "/_apigw/issuer";
    private static final String UNDER_PREFIX = "/issuer";

    /** The key file {@code apigw start} and {@code apigw token} share unless told otherwise. */
    public static final Path DEFAULT_KEY_FILE = Path.of(System.getProperty("user.home"), ".apigw", "issuer-key.json");

    /** Cognito and most OIDC providers sign with RS256; HTTP API JWT authorizers accept only RSA [D http-api-jwt]. */
    static final String ALGORITHM = "RS256";

    private static final int KEY_BITS = 2048;
    private static final String INVALID_HINT = "; delete it to get a new key, or pass another --issuer-key file";

    /**
     * The signing key, or null until first used when it is generated in memory: generating a 2048-bit RSA key takes
     * tens to hundreds of milliseconds, which every gateway without a key file (each JUnit fixture) would otherwise
     * pay at startup whether or not anything signs or verifies a token.
     */
    private volatile @Nullable RSAKey key;
    private final Clock clock;
    private final String path;

    private LocalIssuer(@Nullable RSAKey key, Clock clock, String path) {
        this.key = key;
        this.clock = clock;
        this.path = path;
    }

    /**
     * @param keyFile the private RSA key as a JWK (JSON), created with owner-only permissions when missing; null = a
     *     new key in memory, for one gateway
     * @throws IllegalArgumentException when the file cannot be read or is not a private RSA JWK of at least 2048 bits
     */
    public static LocalIssuer create(@Nullable Path keyFile, Clock clock) {
        return create(keyFile, clock, PATH.substring(0, PATH.length() - UNDER_PREFIX.length()));
    }

    /** An issuer served under {@code adminPrefix + "/issuer"} ({@code --admin-prefix}). */
    public static LocalIssuer create(@Nullable Path keyFile, Clock clock, String adminPrefix) {
        // A key file is read now, so that a bad one stops the gateway at startup; an in-memory key waits for its use.
        return new LocalIssuer(keyFile == null ? null : loadOrCreate(keyFile), clock, adminPrefix + UNDER_PREFIX);
    }

    private RSAKey key() {
        RSAKey current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = generate();
                    key = current;
                }
            }
        }
        return current;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_BITS).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the local issuer's RSA key", e);
        }
    }

    private static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        RSAKey key = generate();
        try {
            write(file, key);
            return key;
        } catch (FileAlreadyExistsException raced) {
            // Another apigw process created it first: use theirs, so both sign with the same key.
            return load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the local issuer key file " + file + " ("
                    + e.getMessage() + "); check that its directory is writable, or pass another --issuer-key file", e);
        }
    }

    private static RSAKey load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the local issuer key file " + file + " (" + e + ")"
                    + INVALID_HINT, e);
        }
        RSAKey key;
        try {
            key = RSAKey.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("the local issuer key file " + file + " is not an RSA key in JWK (JSON)"
                    + " format (" + e.getMessage() + ")" + INVALID_HINT, e);
        }
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("the local issuer key file " + file + " holds only a public key, which"
                    + " cannot sign tokens" + INVALID_HINT);
        }
        if (key.size() < KEY_BITS) {
            throw new IllegalArgumentException("the local issuer key file " + file + " holds a " + key.size()
                    + "-bit RSA key, but signing with RS256 needs at least " + KEY_BITS + " bits" + INVALID_HINT);
        }
        // The kid always follows from the key itself, so an edited or missing kid cannot make tokens unverifiable.
        return withThumbprintKid(key);
    }

    private static RSAKey withThumbprintKid(RSAKey key) {
        try {
            return new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the thumbprint of the local issuer's key", e);
        }
    }

    private static void write(Path file, RSAKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(parent)) {
            if (posix) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        }
        // A private key: created owner-only from the start, never readable by others even for a moment.
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly)) {
            channel.write(ByteBuffer.wrap(key.toJSONString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The public keys that verify the issuer's tokens (the JWKS it serves). */
    public JWKSet publicKeys() {
        return new JWKSet(key().toPublicJWK());
    }

    /** The private signing key (for minting tokens). */
    public RSAKey signingKey() {
        return key();
    }

    /** The key id in every token's header and in the JWKS: the key's JWK thumbprint (RFC 7638), so it is stable. */
    public String keyId() {
        return key().getKeyID();
    }

    public Clock clock() {
        return clock;
    }

    /** The issuer URL as a client reaching the gateway at {@code host} ({@code 127.0.0.1:3000}) sees it. */
    public String url(String host) {
        return "http://" + host + path;
    }

    /** Where the issuer is served on the gateway's port: {@code /_apigw/issuer} by default. */
    public String path() {
        return path;
    }

    /**
     * The OpenID Provider metadata for {@code issuerUrl}: the fields an OIDC client (and API Gateway's JWT
     * authorizer, which reads {@code jwks_uri}) needs to find the keys.
     */
    public Map<String, Object> discoveryDocument(String issuerUrl) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuerUrl);
        document.put("jwks_uri", issuerUrl + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("token", "id_token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of(ALGORITHM));
        return document;
    }
}
