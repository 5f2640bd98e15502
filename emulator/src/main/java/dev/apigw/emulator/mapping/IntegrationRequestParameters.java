package dev.apigw.emulator.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a REST integration's {@code requestParameters} mapped for one request: the integration request's path
 * parameters (for the integration URI's {@code {name}} placeholders), query string and headers. Only mapped values
 * are here; a mapping whose source had no value is absent.
 *
 * @param path path parameter → value
 * @param querystring query parameter → values (several for a {@code multivaluequerystring} source)
 * @param header header name as written in the mapping key → values
 */
public record IntegrationRequestParameters(
        Map<String, String> path, Map<String, List<String>> querystring, Map<String, List<String>> header) {

    public IntegrationRequestParameters {
        path = Collections.unmodifiableMap(new LinkedHashMap<>(path));
        querystring = Collections.unmodifiableMap(copyOfLists(querystring));
        header = Collections.unmodifiableMap(copyOfLists(header));
    }

    public static IntegrationRequestParameters none() {
        return new IntegrationRequestParameters(Map.of(), Map.of(), Map.of());
    }

    private static Map<String, List<String>> copyOfLists(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return copy;
    }
}
