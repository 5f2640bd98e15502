package dev.apigw.emulator.integration;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.apigw.model.IntegrationResponse;
import org.jspecify.annotations.Nullable;

/**
 * The rules REST and WebSocket non-proxy integrations share: an integration response's status code, its selection
 * pattern (a Java regular expression, or none for the default response), and the status a MOCK request template
 * yields. One place, so both kinds of API read them alike.
 */
public final class IntegrationResponseRules {
    /** AWS tolerates unquoted keys, e.g. CDK's CORS template {@code {statusCode: 200}} (AWS-REFERENCE 5.3). */
    private static final Pattern MOCK_STATUS = Pattern.compile("[\"']?statusCode[\"']?\\s*:\\s*\"?(\\d{3})(?!\\d)\"?");

    private IntegrationResponseRules() {}

    /** The integration response's status code; a clear error with its location when it is not a number. */
    public static int status(IntegrationResponse response, String location) {
        try {
            return Integer.parseInt(response.statusCode().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(location + ".statusCode: '" + response.statusCode()
                    + "' is not a status code; use a number such as \"200\"", e);
        }
    }

    /** The compiled selection pattern, or empty for the default response (no or empty pattern). */
    public static Optional<Pattern> pattern(IntegrationResponse response, String location) {
        return response.isDefault() ? Optional.empty() : compile(response.selectionPattern(), location);
    }

    /** A selection pattern as written; empty text means the default response. */
    public static Optional<Pattern> compile(String pattern, String location) {
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(location + ": the selection pattern is not a valid Java regular "
                    + "expression (" + e.getDescription() + " at index " + e.getIndex() + ")", e);
        }
    }

    /** The {@code statusCode} a rendered MOCK request template yields, if it yields one. */
    public static OptionalInt mockStatus(@Nullable String rendered) {
        if (rendered == null) {
            return OptionalInt.empty();
        }
        Matcher found = MOCK_STATUS.matcher(rendered);
        return found.find() ? OptionalInt.of(Integer.parseInt(found.group(1))) : OptionalInt.empty();
    }
}
