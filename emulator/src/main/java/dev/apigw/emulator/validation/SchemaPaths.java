package dev.apigw.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walks a schema document along a validator's evaluation path, following local {@code $ref}s. */
final class SchemaPaths {
    /** Keywords whose next segment is a name or an index rather than a keyword. */
    private static final Set<String> NAMED = Set.of(
            "properties", "patternProperties", "definitions", "dependencies", "allOf", "anyOf", "oneOf");
    private static final Set<String> COMBINATORS = Set.of("allOf", "anyOf", "oneOf", "not");

    private final JsonNode root;

    SchemaPaths(JsonNode root) {
        this.root = root;
    }

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        if (path.isEmpty() || path.equals("/")) {
            return segments;
        }
        for (String segment : path.substring(path.startsWith("/") ? 1 : 0).split("/", -1)) {
            segments.add(segment.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** The index of the outermost combinator keyword in an evaluation path, or -1. */
    int firstCombinator(List<String> evaluation) {
        for (int i = 0; i < evaluation.size(); i++) {
            String segment = evaluation.get(i);
            if (COMBINATORS.contains(segment)) {
                return i;
            }
            if (NAMED.contains(segment) || (segment.equals("items") && i + 1 < evaluation.size()
                    && evaluation.get(i + 1).chars().allMatch(Character::isDigit)
                    && !evaluation.get(i + 1).isEmpty())) {
                i++;
            }
        }
        return -1;
    }

    /** The schema node an evaluation path leads to; a missing node when it cannot be followed. */
    JsonNode resolve(List<String> evaluation) {
        JsonNode node = root;
        for (String segment : evaluation) {
            if (segment.equals("$ref")) {
                node = follow(node);
                continue;
            }
            node = node.isArray() && segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()
                    ? node.path(Integer.parseInt(segment))
                    : node.path(segment);
        }
        return node;
    }

    private JsonNode follow(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? root.at(ref.substring(1)) : MissingNode.getInstance();
    }
}
