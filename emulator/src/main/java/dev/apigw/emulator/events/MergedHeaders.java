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
 * {@code ", "}, spelled as first added [S test_aws_proxy_response_payload_format_validation].
 */
final class MergedHeaders {
    private final Map<String, String> spelling = new LinkedHashMap<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    void add(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(key, name);
        values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    }

    /** The merged lines, with {@code defaultContentType} first when the function set no Content-Type. */
    Headers toHeaders(String defaultContentType) {
        List<Header> headers = new ArrayList<>(values.size() + 1);
        if (!values.containsKey("content-type")) {
            headers.add(new Header("Content-Type", defaultContentType));
        }
        values.forEach((key, list) -> headers.add(new Header(spelling.get(key), String.join(", ", list))));
        return new Headers(headers);
    }
}
