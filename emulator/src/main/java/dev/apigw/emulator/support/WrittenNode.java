package dev.apigw.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.importer.WrittenDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A value of the written document with its location, spelled as the importer spells problem locations. */
record WrittenNode(JsonNode json, String location, WrittenDocument document) {

    static WrittenNode root(WrittenDocument document) {
        return new WrittenNode(document.tree(), "", document);
    }

    WrittenNode get(String field) {
        JsonNode child = json.isArray() && field.chars().allMatch(Character::isDigit)
                ? json.path(Integer.parseInt(field)) : json.path(field);
        return new WrittenNode(child, location.isEmpty() ? field : location + "." + field, document);
    }

    boolean isPresent() {
        return !json.isMissingNode() && !json.isNull();
    }

    /** An object's fields in document order; nothing for any other value. */
    Map<String, WrittenNode> fields() {
        Map<String, WrittenNode> fields = new LinkedHashMap<>();
        if (json.isObject()) {
            json.fieldNames().forEachRemaining(name -> fields.put(name, get(name)));
        }
        return fields;
    }

    /** An array's elements, located by index as the importer locates them; nothing for any other value. */
    List<WrittenNode> elements() {
        List<WrittenNode> elements = new ArrayList<>();
        for (int i = 0; i < json.size() && json.isArray(); i++) {
            elements.add(get(Integer.toString(i)));
        }
        return elements;
    }

    /** True for {@code true} and {@code "true"} (any case), as the importer reads booleans. */
    boolean isTrue() {
        return json.isBoolean() ? json.booleanValue() : json.isTextual() && json.asText().equalsIgnoreCase("true");
    }

    /** A list with at least one element, or a single non-blank value. */
    boolean isNonEmptyList() {
        return json.isArray() ? json.size() > 0 : json.isValueNode() && !json.asText().isBlank();
    }

    String text() {
        return json.isValueNode() ? json.asText() : json.toString();
    }

    Unenforced unenforced(String setting, String instead) {
        return new Unenforced(setting, location, document.lineOf(location), instead);
    }
}
