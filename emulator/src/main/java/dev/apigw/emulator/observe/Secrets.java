package dev.apigw.emulator.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The credentials a request carried (API key, Authorization and session tokens, cookies), so the journal never
 * keeps them: such headers keep only their scheme ({@code Bearer ****}), and the values are masked wherever else
 * they show up — in the Lambda event, a forwarded backend request, a response echoing them.
 */
final class Secrets {
    static final String MASK = "****";

    /** Headers whose values are credentials. */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-api-key",
            "x-amz-security-token", "cookie", "set-cookie");

    /** Shorter strings are not masked inside other text: they would match by accident and say nothing. */
    private static final int SHORTEST_MASKED = 4;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** The secrets in a client request's headers, plus the API key the caller was admitted with. */
    static Secrets of(Headers headers, @Nullable String apiKey) {
        List<String> values = new ArrayList<>();
        for (Header header : headers.all()) {
            if (isSecret(header.name())) {
                values.add(header.value());
                int space = header.value().indexOf(' ');
                if (space > 0) {
                    values.add(header.value().substring(space + 1).trim());
                }
            }
        }
        if (apiKey != null) {
            values.add(apiKey);
        }
        values.removeIf(value -> value.length() < SHORTEST_MASKED);
        // Longest first, so that "Bearer abc" is masked whole before "abc" alone.
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(values));
    }

    static boolean isSecret(String headerName) {
        return SECRET_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with every secret replaced by {@link #MASK}. */
    String mask(String text) {
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    /** A header's value as the journal keeps it: a credential keeps only its scheme word. */
    String headerValue(String name, String value) {
        if (!isSecret(name)) {
            return mask(value);
        }
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
    }
}
