package dev.apigw.emulator.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string as API Gateway reads it for proxy events: names and values URL-decoded ({@code +} is a
 * space, {@code %2B} a plus), everything after {@code #} dropped, keys in first-seen order with every value in
 * order [S test_lambda_aws_proxy_integration]. Each event format then picks its own single-value view.
 */
public final class QueryString {
    private QueryString() {}

    /** The raw query string without {@code ?} and without any fragment. */
    static String raw(String rawQuery) {
        int hash = rawQuery.indexOf('#');
        return hash < 0 ? rawQuery : rawQuery.substring(0, hash);
    }

    /** Decoded parameters, every value in order; empty when there are none. */
    public static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : raw(rawQuery).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            // A bare "?flag" is a parameter with an empty value.
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!name.isEmpty()) {
                parameters.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
        }
        return parameters;
    }

    /**
     * Form-style decoding. Unlike {@link java.net.URLDecoder} a malformed escape such as {@code %zz} is kept as
     * written instead of failing the request.
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
