package dev.apigw.emulator.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;

/**
 * Payload 1.0 response headers: values for the same name (case-insensitively) become one line joined with
 * {@code ", "}, spelled as first added [S test_aws_proxy_response_payload_format_validation]. One map of lines, not
 * one for spellings and one for values: this runs for every proxy response (issue 8).
 */
final class MergedHeaders {
    private final Map<String, Line> lines = new LinkedHashMap<>();

    /** One response line being merged: the first spelling and every value. */
    private static final class Line {
        final String name;
        final List<String> values = new ArrayList<>(1);

        Line(String name) {
            this.name = name;
        }

        String value() {
            return values.size() == 1 ? values.get(0) : String.join(", ", values);
        }
    }

    void add(String name, String value) {
        lines.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new Line(name)).values.add(value);
    }

    /** The merged lines, with {@code defaultContentType} first when the function set no Content-Type. */
    Headers toHeaders(String defaultContentType) {
        List<Header> headers = new ArrayList<>(lines.size() + 1);
        if (!lines.containsKey("content-type")) {
            headers.add(new Header("Content-Type", defaultContentType));
        }
        for (Line line : lines.values()) {
            headers.add(new Header(line.name, line.value()));
        }
        return new Headers(headers);
    }
}
