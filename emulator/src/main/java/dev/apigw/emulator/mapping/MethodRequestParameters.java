package dev.apigw.emulator.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.events.QueryString;

/**
 * The method request's parameters as templates and parameter mappings see them ({@code $input.params()},
 * {@code method.request.*}): path parameters, query string values and header values, each in the order received.
 * Query values are decoded; path parameter values are as routing gave them. Header names keep their casing.
 *
 * @param path path parameter → value
 * @param querystring query parameter → every value in order
 * @param header header name → every value in order (hop-by-hop headers excluded, as on AWS)
 */
public record MethodRequestParameters(
        Map<String, String> path, Map<String, List<String>> querystring, Map<String, List<String>> header) {

    public MethodRequestParameters {
        path = Collections.unmodifiableMap(new LinkedHashMap<>(path));
        querystring = Collections.unmodifiableMap(new LinkedHashMap<>(querystring));
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    }

    /**
     * Connection-level request headers a method request never shows: real AWS rendered these as {@code ""} in
     * {@code $input.params('X')} although the client sent them (AWS-REFERENCE 5.6)
     * [S TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws].
     */
    private static final Set<String> INVISIBLE_HEADERS = Set.of("connection", "content-length", "content-md5", "expect",
            "max-forwards", "proxy-authenticate", "server", "te", "trailer", "transfer-encoding", "upgrade",
            "www-authenticate");

    /** AWS's edge rewrites these names in REST APIs whatever the client's casing (as events.HeaderViews does) [S]. */
    private static final Map<String, String> CANONICAL_NAMES =
            Map.of("authorization", "Authorization", "user-agent", "User-Agent");

    public static MethodRequestParameters none() {
        return new MethodRequestParameters(Map.of(), Map.of(), Map.of());
    }

    /**
     * The parameters of a REST method request as AWS exposes them: path parameters as given, the query string
     * decoded, headers grouped case-insensitively (first spelling wins) and sorted case-insensitively, as
     * {@code $input.params().header} prints on AWS ({@code {Accept=..., Accept-Encoding=..., CloudFront-...}})
     * [K serverless/serverless#1014], with the invisible connection-level headers left out.
     */
    public static MethodRequestParameters of(GatewayRequest request, Map<String, String> pathParameters) {
        Map<String, List<String>> grouped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : request.headers().all()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (INVISIBLE_HEADERS.contains(lower)) {
                continue;
            }
            spelling.putIfAbsent(header.name(), CANONICAL_NAMES.getOrDefault(lower, header.name()));
            grouped.computeIfAbsent(header.name(), k -> new ArrayList<>(1)).add(header.value());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        grouped.forEach((name, values) -> headers.put(spelling.get(name), values));
        return new MethodRequestParameters(pathParameters, QueryString.parse(request.rawQuery()), headers);
    }
}
