package dev.apigw.emulator.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import org.jspecify.annotations.Nullable;

/**
 * JSON bodies and JSONPath reads for parameter mapping ({@code method.request.body.a.b} on REST,
 * {@code $request.body.a.b} on HTTP APIs). The expressions are written without the {@code $.} prefix [D]; this class
 * adds it and evaluates with Jayway JsonPath over Jackson trees. A value that is a JSON string is mapped as its text;
 * numbers, booleans, objects and arrays as compact JSON (how AWS renders non-string values is unconfirmed).
 */
final class ParameterMappingJson {
    // Strict JSON with nothing after the value: LocalStack's AWS-probed rule rejects `{wrongjson` and `'x'` [L].
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    private ParameterMappingJson() {}

    /**
     * Compiles a JSONPath written after {@code body} in a mapping source: {@code a.b[0]} becomes {@code $.a.b[0]},
     * {@code [0].a} becomes {@code $[0].a}.
     *
     * @throws IllegalArgumentException when Jayway cannot parse the path
     */
    static JsonPath compile(String expression) {
        String path = expression.startsWith("[") ? "$" + expression : "$." + expression;
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a valid JSONPath (" + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * Whether REST API Gateway parses a (trimmed) body as JSON for parameter mapping: only when it starts with
     * {@code {}, {@code [}, {@code '} or {@code "}; any other body counts as the empty object {@code {}} [L].
     */
    static boolean looksLikeJson(String trimmed) {
        if (trimmed.isEmpty()) {
            return false;
        }
        char first = trimmed.charAt(0);
        return first == '{' || first == '[' || first == '\'' || first == '"';
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    static JsonNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    /** The value at {@code path}, or null when the path matches nothing or only JSON {@code null}. */
    static @Nullable String read(JsonNode document, JsonPath path) {
        Object result;
        try {
            result = path.read(document, JSON_PATH);
        } catch (PathNotFoundException e) {
            return null;
        }
        if (!(result instanceof JsonNode node) || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!path.isDefinite() && node.isArray() && node.isEmpty()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
