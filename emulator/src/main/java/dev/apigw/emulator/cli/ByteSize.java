package dev.apigw.emulator.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size as people write it: {@code 10485760}, {@code 512KB}, {@code 6MB} (binary units, as AWS's limits are). */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?");

    private ByteSize() {}

    /** @throws IllegalArgumentException naming the value and the forms accepted */
    static int parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write bytes (10485760) or a number with"
                    + " KB, MB or GB (512KB, 6MB)");
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("'" + text + "' must be between 1 byte and 2GB");
        }
        return (int) bytes;
    }
}
