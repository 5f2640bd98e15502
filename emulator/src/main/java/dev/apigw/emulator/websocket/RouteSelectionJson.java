package dev.apigw.emulator.websocket;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * Message bodies as route selection sees them, and how a selected value becomes a route key. AWS renders arrays and
 * objects as Java collections print ({@code [item1, item2]}) [D]; objects as {@code {a=1, b=x}} follow the same rule
 * (unconfirmed), and a JSON {@code null} counts as missing ({@code ""}, unconfirmed).
 */
final class RouteSelectionJson {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private RouteSelectionJson() {}

    /** The body as JSON, or empty when it is not exactly one JSON value. */
    static Optional<JsonNode> parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The value at {@code path} as a route key; {@code ""} when the path matches nothing. */
    static String read(JsonNode body, JsonPath path) {
        Object result = path.read(body, JSON_PATH);
        if (result == null) {
            return "";
        }
        JsonNode node = result instanceof JsonNode json ? json : MAPPER.valueToTree(result);
        if (node.isNull() || node.isMissingNode() || (!path.isDefinite() && node.isEmpty())) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        render(node, text);
        return text.toString();
    }

    private static void render(JsonNode node, StringBuilder text) {
        if (node.isArray()) {
            text.append('[');
            for (int i = 0; i < node.size(); i++) {
                text.append(i == 0 ? "" : ", ");
                render(node.get(i), text);
            }
            text.append(']');
        } else if (node.isObject()) {
            text.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                text.append(field.getKey()).append('=');
                render(field.getValue(), text);
                text.append(fields.hasNext() ? ", " : "");
            }
            text.append('}');
        } else {
            // Strings without quotes, numbers and booleans as written, a nested null as "null".
            text.append(node.asText());
        }
    }
}
