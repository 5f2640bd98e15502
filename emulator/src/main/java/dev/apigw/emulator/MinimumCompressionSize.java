package dev.apigw.emulator;

import java.util.OptionalInt;
import dev.apigw.emulator.encoding.ResponseCompression;

/**
 * A REST API's {@code minimumCompressionSize} set outside the document (project file, {@code
 * --minimum-compression-size}, the fixture), in place of its {@code x-amazon-apigateway-minimum-compression-size}:
 * responses of at least {@code bytes} are compressed for clients that accept it; empty turns compression off.
 */
public record MinimumCompressionSize(OptionalInt bytes) {
    public MinimumCompressionSize {
        if (bytes.isPresent() && (bytes.getAsInt() < 0 || bytes.getAsInt() > ResponseCompression.MAX_MINIMUM_SIZE)) {
            throw new IllegalArgumentException("the minimum compression size must be 0 to "
                    + ResponseCompression.MAX_MINIMUM_SIZE + " bytes (or off), was " + bytes.getAsInt());
        }
    }

    /** Compress responses of at least {@code bytes} (0: any response). */
    public static MinimumCompressionSize of(int bytes) {
        return new MinimumCompressionSize(OptionalInt.of(bytes));
    }

    /** No compression, even when the document sets a minimum size. */
    public static MinimumCompressionSize off() {
        return new MinimumCompressionSize(OptionalInt.empty());
    }

    /** Parses a number of bytes, or {@code off} (also {@code false}: YAML 1.1 reads an unquoted off as false). */
    public static MinimumCompressionSize parse(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
            return off();
        }
        try {
            return of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the minimum compression size '" + text + "' must be a number of"
                    + " bytes from 0 to " + ResponseCompression.MAX_MINIMUM_SIZE + ", or off");
        }
    }

    /** The compression this setting stands for. */
    public ResponseCompression compression() {
        return bytes.isPresent() ? ResponseCompression.atLeast(bytes.getAsInt()) : ResponseCompression.off();
    }
}
