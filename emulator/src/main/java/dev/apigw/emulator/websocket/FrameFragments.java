package dev.apigw.emulator.websocket;

import java.util.ArrayList;
import java.util.List;

/**
 * A text message cut into frames of at most the frame limit: API Gateway sends messages of up to 128 KB to clients
 * while a frame is at most 32 KB, so a larger message goes out as a text frame and continuation frames. Cuts fall
 * between code points, so every part is valid text.
 */
final class FrameFragments {
    private FrameFragments() {}

    /** The message itself when it fits one frame; otherwise its parts, each at most {@code maxFrameBytes} in UTF-8. */
    static List<String> of(String message, long maxFrameBytes) {
        if (maxFrameBytes <= 0 || (long) message.length() * 3 <= maxFrameBytes) {
            return List.of(message);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < message.length(); ) {
            int codePoint = message.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxFrameBytes) {
                parts.add(message.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        parts.add(message.substring(start));
        return parts;
    }
}
