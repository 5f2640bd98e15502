package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A stage's access logging, as AWS's {@code accessLogSettings}: a format, and where the lines go in place of a
 * CloudWatch log group.
 *
 * @param format a preset name ({@code clf}, {@code json}, {@code xml}, {@code csv}) or a {@code $context} format string
 * @param file the file the lines are appended to; null = standard output
 */
public record AccessLogSettings(String format, @Nullable Path file) {
    public AccessLogSettings {
        requireNonNull(format, "format");
    }
}
