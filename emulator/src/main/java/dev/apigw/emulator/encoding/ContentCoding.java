package dev.apigw.emulator.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The content codings API Gateway supports ("Enable payload compression for an API": deflate as RFC 1950, gzip as
 * RFC 1952, and identity), for request bodies it decodes and response bodies it encodes.
 */
public enum ContentCoding {
    GZIP("gzip"),
    /** The zlib format (RFC 1950), as HTTP's {@code deflate} coding means, not a raw deflate stream. */
    DEFLATE("deflate"),
    IDENTITY("identity");

    private final String token;

    ContentCoding(String token) {
        this.token = token;
    }

    /** The coding's name in {@code Content-Encoding} and {@code Accept-Encoding}. */
    public String token() {
        return token;
    }

    /** The coding a token names (case-insensitive, as HTTP's coding names are); empty for one API Gateway lacks. */
    public static Optional<ContentCoding> named(String token) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        for (ContentCoding coding : values()) {
            if (coding.token.equals(name)) {
                return Optional.of(coding);
            }
        }
        return Optional.empty();
    }

    /** The body encoded with this coding. */
    byte[] encode(byte[] body) {
        if (this == IDENTITY) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (var encoder = this == GZIP ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            encoder.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The body decoded, reading at most {@code limit} decoded bytes: a small body that expands past the payload limit
     * (a "zip bomb") is stopped there rather than held in memory.
     *
     * @throws IOException when the body is not in this coding (the caller answers 415)
     * @throws DecodedTooLargeException when the decoded body is over {@code limit}
     */
    byte[] decode(byte[] body, int limit) throws IOException {
        if (this == IDENTITY) {
            return body;
        }
        try (InputStream in = this == GZIP ? new GZIPInputStream(new java.io.ByteArrayInputStream(body))
                : new InflaterInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] decoded = in.readNBytes(limit);
            if (in.read() != -1) {
                throw new DecodedTooLargeException(limit);
            }
            return decoded;
        }
    }
}
