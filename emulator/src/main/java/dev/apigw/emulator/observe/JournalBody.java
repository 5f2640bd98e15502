package dev.apigw.emulator.observe;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A body as the journal keeps it: UTF-8 text when it is text, else base64, at most {@link #LIMIT} bytes of it.
 *
 * @param text the body's first {@link #LIMIT} bytes, as text or base64
 * @param base64 the body is not UTF-8 text, so {@code text} is its bytes in base64
 * @param truncated the body was longer than {@link #LIMIT} bytes
 * @param size the body's full length in bytes
 */
public record JournalBody(String text, boolean base64, boolean truncated, int size) {
    /** 64 KB: enough for any JSON a developer reads, small enough for a thousand entries to stay in memory. */
    public static final int LIMIT = 64 * 1024;

    static final JournalBody EMPTY = new JournalBody("", false, false, 0);

    /** {@code bytes}, kept up to the limit, with the request's secrets masked in text. */
    static JournalBody of(byte @Nullable [] bytes, Secrets secrets) {
        if (bytes == null || bytes.length == 0) {
            return EMPTY;
        }
        boolean truncated = bytes.length > LIMIT;
        byte[] kept = truncated ? Arrays.copyOf(bytes, LIMIT) : bytes;
        String text = utf8(kept, truncated);
        if (text == null) {
            return new JournalBody(Base64.getEncoder().encodeToString(kept), true, truncated, bytes.length);
        }
        return new JournalBody(secrets.mask(text), false, truncated, bytes.length);
    }

    /** The text, or null when the bytes are not UTF-8; a cut body may end inside a character, which is dropped. */
    private static @Nullable String utf8(byte[] bytes, boolean cut) {
        int cutAtMost = cut ? 3 : 0;
        for (int drop = 0; drop <= cutAtMost; drop++) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, bytes.length - drop)).toString();
            } catch (CharacterCodingException e) {
                // try again without a partial character at the end
            }
        }
        return null;
    }
}
