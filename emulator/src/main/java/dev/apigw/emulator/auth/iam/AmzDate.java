package dev.apigw.emulator.auth.iam;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** SigV4's timestamps: {@code X-Amz-Date} in ISO-8601 basic format ({@code 20261127T101500Z}), or an HTTP date. */
final class AmzDate {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private AmzDate() {}

    /** The instant of {@code 20261127T101500Z}, or null when the text is not in that format. */
    static @Nullable Instant parseBasic(String text) {
        try {
            return Instant.from(BASIC.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant of an RFC 1123 {@code Date} header, or null when it is not one. */
    static @Nullable Instant parseHttpDate(String text) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return BASIC.format(instant);
    }
}
