package dev.apigw.emulator.websocket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One text frame of a connection, as the dashboard shows it: its direction, when, which route took or answered it,
 * its size in bytes and its text, cut at {@link #KEPT_CHARS} characters.
 *
 * @param routeKey the route that took an incoming frame or answered with an outgoing one; null when no route did
 *     (a message no route took, a {@code @connections} post)
 * @param size the whole frame's size in UTF-8 bytes, before any cut
 */
public record WebSocketFrame(Direction direction, Instant time, @Nullable String routeKey, int size, String data,
        boolean truncated) {
    /** How much of a frame's text is kept: enough to read a message, little enough for 50 frames per connection. */
    public static final int KEPT_CHARS = 2048;

    /** Which way a frame went. */
    public enum Direction {
        /** From the client. */
        IN,
        /** To the client. */
        OUT
    }

    public WebSocketFrame {
        requireNonNull(direction, "direction");
        requireNonNull(time, "time");
        requireNonNull(data, "data");
    }

    /** A frame of {@code size} UTF-8 bytes ({@link #utf8Length}, measured once by the caller), its text cut. */
    static WebSocketFrame of(Direction direction, Instant time, @Nullable String routeKey, String text, int size) {
        boolean cut = text.length() > KEPT_CHARS;
        return new WebSocketFrame(direction, time, routeKey, size, cut ? text.substring(0, KEPT_CHARS) : text, cut);
    }

    /** The UTF-8 size of a text without encoding it: apigw's one measure of a frame, for every observer. */
    public static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
