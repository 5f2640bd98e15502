package dev.apigw.importer.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apigw.importer.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value of the document (usually an extension's, as swagger-parser hands it over) together with its location.
 * The typed reads never throw: a value of the wrong shape is reported to {@link Problems} and read as absent.
 */
public final class SpecNode {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode json;
    private final String location;

    private SpecNode(JsonNode json, String location) {
        this.json = json;
        this.location = location;
    }

    /** Wraps a value from swagger-parser's extension maps (maps, lists, strings, numbers, booleans) or a tree node. */
    public static SpecNode of(@Nullable Object value, String location) {
        if (value == null) {
            return new SpecNode(MissingNode.getInstance(), location);
        }
        JsonNode json = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        return new SpecNode(json, location);
    }

    public JsonNode json() {
        return json;
    }

    public String location() {
        return location;
    }

    /** The field's value (absent when this is not an object or has no such field), located below this node. */
    public SpecNode get(String field) {
        return new SpecNode(json.path(field), location + "." + field);
    }

    public boolean isPresent() {
        return !json.isMissingNode() && !json.isNull();
    }

    public boolean isObject() {
        return json.isObject();
    }

    /** A string; numbers and booleans are read as their text, as AWS does ({@code statusCode: 200}). */
    public @Nullable String text(Problems problems) {
        if (!isPresent()) {
            return null;
        }
        if (json.isValueNode()) {
            return json.asText();
        }
        problems.error(location, "expected a string but found " + describe(json) + ".");
        return null;
    }

    public String text(Problems problems, String absent) {
        String text = text(problems);
        return text == null ? absent : text;
    }

    public @Nullable Boolean bool(Problems problems) {
        if (!isPresent()) {
            return null;
        }
        if (json.isBoolean() || json.isTextual() && json.asText().matches("(?i)true|false")) {
            return json.asBoolean();
        }
        problems.error(location, "expected true or false but found " + describe(json) + ".");
        return null;
    }

    public boolean bool(Problems problems, boolean absent) {
        Boolean value = bool(problems);
        return value == null ? absent : value;
    }

    public @Nullable Integer integer(Problems problems) {
        if (!isPresent()) {
            return null;
        }
        if (json.canConvertToExactIntegral() && json.canConvertToInt()
                || json.isTextual() && json.asText().trim().matches("-?\\d{1,9}")) {
            return json.isTextual() ? Integer.valueOf(json.asText().trim()) : json.asInt();
        }
        problems.error(location, "expected a whole number but found " + describe(json) + ".");
        return null;
    }

    /** An object's fields in document order; absent or not an object (reported) reads as empty. */
    public Map<String, SpecNode> fields(Problems problems) {
        Map<String, SpecNode> fields = new LinkedHashMap<>();
        if (!isPresent()) {
            return fields;
        }
        if (!json.isObject()) {
            problems.error(location, "expected an object but found " + describe(json) + ".");
            return fields;
        }
        json.fieldNames().forEachRemaining(name -> fields.put(name, get(name)));
        return fields;
    }

    /** An object of strings, such as {@code requestTemplates} or {@code requestParameters}, in document order. */
    public Map<String, String> textMap(Problems problems) {
        Map<String, String> map = new LinkedHashMap<>();
        fields(problems).forEach((name, value) -> {
            String text = value.text(problems);
            if (text != null) {
                map.put(name, text);
            }
        });
        return map;
    }

    /** An array of strings; a single string reads as a one-element list. */
    public List<String> textList(Problems problems) {
        List<String> list = new ArrayList<>();
        if (!isPresent()) {
            return list;
        }
        if (json.isValueNode()) {
            list.add(json.asText());
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                String text = new SpecNode(json.get(i), location + "." + i).text(problems);
                if (text != null) {
                    list.add(text);
                }
            }
        } else {
            problems.error(location, "expected a list of strings but found " + describe(json) + ".");
        }
        return list;
    }

    /**
     * One of a closed set of values, parsed by {@code parse} (which throws {@link IllegalArgumentException} for
     * unknown values); an unknown value is reported with the allowed ones.
     */
    public <T> @Nullable T oneOf(Problems problems, Function<String, T> parse, List<String> allowed) {
        String text = text(problems);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problems.error(location, "unknown value `" + text + "`. Expected one of " + String.join(", ", allowed) + ".");
            return null;
        }
    }

    /** The constants' names, for {@link #oneOf}'s list of allowed values. */
    public static List<String> names(Enum<?>[] constants) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : constants) {
            names.add(constant.name());
        }
        return names;
    }

    /** Compact JSON text of the value. */
    public String toJson() {
        return json.toString();
    }

    private static String describe(JsonNode json) {
        if (json.isObject()) {
            return "an object";
        }
        if (json.isArray()) {
            return "a list";
        }
        return "`" + json.asText() + "`";
    }

    @Override
    public String toString() {
        return location + "=" + json;
    }
}
