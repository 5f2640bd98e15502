package dev.apigw.emulator.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import dev.apigw.emulator.Header;

/**
 * How each event format shows the forwarded headers: names merged case-insensitively (the first spelling wins),
 * values in order, names sorted the way AWS sorts them in real captures.
 */
final class HeaderViews {
    /** Names AWS's edge rewrites in REST API events: {@code aUThorization} arrives as {@code Authorization} [S]. */
    private static final Map<String, String> REST_CANONICAL =
            Map.of("authorization", "Authorization", "user-agent", "User-Agent");

    /**
     * HTTP APIs (payload 1.0) show these in canonical case whatever the client sent, and {@code accept} /
     * {@code accept-encoding} lower-cased: two real captures, curl and Postman, both sending {@code Accept}
     * [K serverless/serverless#7860 demo repo; firetail-io Go test fixture]. Other names keep the client's case.
     */
    private static final Map<String, String> HTTP_V1_NAMES = Map.of(
            "accept", "accept",
            "accept-encoding", "accept-encoding",
            "content-length", "Content-Length",
            "host", "Host",
            "user-agent", "User-Agent",
            "x-amzn-trace-id", "X-Amzn-Trace-Id",
            "x-forwarded-for", "X-Forwarded-For",
            "x-forwarded-port", "X-Forwarded-Port",
            "x-forwarded-proto", "X-Forwarded-Proto");

    private HeaderViews() {}

    /**
     * REST: sorted case-insensitively, as in every real capture (Accept, Accept-Encoding, cache-control,
     * CloudFront-…, Content-Type, headerName, Host …) [E apigw-request.json; K serverless-tools/lambda-apig].
     */
    static Map<String, List<String>> rest(List<Header> headers) {
        return group(headers, name -> REST_CANONICAL.getOrDefault(lower(name), name), String.CASE_INSENSITIVE_ORDER);
    }

    /** HTTP API payload 1.0: sorted by code point, capitalised names before lower-case ones [K captures above]. */
    static Map<String, List<String>> httpV1(List<Header> headers) {
        return group(headers, name -> HTTP_V1_NAMES.getOrDefault(lower(name), name), Comparator.naturalOrder());
    }

    /** HTTP API payload 2.0: lower-cased names, sorted [E apigw-v2-request-no-authorizer.json]. */
    static Map<String, List<String>> httpV2(List<Header> headers) {
        return group(headers, HeaderViews::lower, Comparator.naturalOrder());
    }

    private static Map<String, List<String>> group(
            List<Header> headers, UnaryOperator<String> rename, Comparator<String> order) {
        Map<String, String> spelling = new HashMap<>();
        Map<String, List<String>> byName = new HashMap<>();
        for (Header header : headers) {
            String key = lower(header.name());
            spelling.putIfAbsent(key, rename.apply(header.name()));
            byName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(header.value());
        }
        List<String> keys = new ArrayList<>(byName.keySet());
        keys.sort(Comparator.comparing(spelling::get, order));
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (String key : keys) {
            grouped.put(spelling.get(key), byName.get(key));
        }
        return grouped;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
