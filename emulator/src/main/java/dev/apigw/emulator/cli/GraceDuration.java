package dev.apigw.emulator.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --shutdown-grace} and {@code shutdownGrace}: a whole number with a unit, {@code 500ms}, {@code 10s}, {@code 1m}. */
final class GraceDuration {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private GraceDuration() {}

    static Duration parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a whole number with ms, s or m,"
                    + " e.g. 10s or 500ms (0s stops at once)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
