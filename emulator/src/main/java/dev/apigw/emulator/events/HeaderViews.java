package dev.apigw.emulator.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    static List<HeaderGroup> rest(List<Header> headers) {
        return group(headers, (lower, name) -> REST_CANONICAL.getOrDefault(lower, name), String.CASE_INSENSITIVE_ORDER);
    }

    /** HTTP API payload 1.0: sorted by code point, capitalised names before lower-case ones [K captures above]. */
    static List<HeaderGroup> httpV1(List<Header> headers) {
        return group(headers, (lower, name) -> HTTP_V1_NAMES.getOrDefault(lower, name), Comparator.naturalOrder());
    }

    /** HTTP API payload 2.0: lower-cased names, sorted [E apigw-v2-request-no-authorizer.json]. */
    static List<HeaderGroup> httpV2(List<Header> headers) {
        return group(headers, (lower, name) -> lower, Comparator.naturalOrder());
    }

    /** How a view spells a header, given its lower-cased name and the client's first spelling. */
    @FunctionalInterface
    private interface Spelling {
        String of(String lower, String name);
    }

    /**
     * One lower-casing per line and a sort over the groups themselves: this runs for every proxied request, and
     * comparing through name lookups or lower-casing twice showed up in the profile (issue 8).
     */
    private static List<HeaderGroup> group(List<Header> headers, Spelling spelling, Comparator<String> order) {
        Map<String, HeaderGroup> byName = new HashMap<>();
        List<HeaderGroup> groups = new ArrayList<>(headers.size());
        for (Header header : headers) {
            String key = header.name().toLowerCase(Locale.ROOT);
            HeaderGroup group = byName.get(key);
            if (group == null) {
                group = new HeaderGroup(spelling.of(key, header.name()), new ArrayList<>(1));
                byName.put(key, group);
                groups.add(group);
            }
            group.values().add(header.value());
        }
        groups.sort((a, b) -> order.compare(a.name(), b.name()));
        return groups;
    }
}
