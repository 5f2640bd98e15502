package dev.apigw.emulator.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public static MethodRequestParameters none() {
        return new MethodRequestParameters(Map.of(), Map.of(), Map.of());
    }
}
