package dev.apigw.importer.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One change to a spec's tree: {@code kind} says what, {@code target} picks the node (modulo the node count, so
 * every value hits something), {@code size} how much (nesting depth, string length).
 */
record SpecMutation(Kind kind, int target, int size, String text) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    enum Kind {
        DELETE, DUPLICATE, RETYPE_STRING, RETYPE_NUMBER, RETYPE_BOOLEAN, RETYPE_NULL, RETYPE_ARRAY, RETYPE_OBJECT,
        DANGLING_REF, SELF_REF, CYCLIC_REFS, REMOTE_REF, FILE_REF, DEEP_NESTING, HUGE_STRING, TEXT_VALUE, TEXT_KEY
    }

    /** A node in the tree with its parent and its key (object) or index (array); the root has no parent. */
    private record Place(JsonNode node, JsonNode parent, String key, int index) {}

    void applyTo(ObjectNode root) {
        List<Place> places = new ArrayList<>();
        collect(root, null, null, -1, places);
        Place place = places.get(Math.floorMod(target, places.size()));
        switch (kind) {
            case DELETE -> remove(place);
            case DUPLICATE -> duplicate(place);
            case RETYPE_STRING -> replace(place, F.textNode(text));
            case RETYPE_NUMBER -> replace(place, F.numberNode(size * 1_000_003L - 7));
            case RETYPE_BOOLEAN -> replace(place, F.booleanNode(size % 2 == 0));
            case RETYPE_NULL -> replace(place, F.nullNode());
            case RETYPE_ARRAY -> replace(place, F.arrayNode().add(place.node().deepCopy()));
            case RETYPE_OBJECT -> replace(place, F.objectNode().set(text, place.node().deepCopy()));
            case DANGLING_REF -> replace(place, ref("#/components/schemas/Missing" + size));
            case SELF_REF -> replace(place, ref("#" + pointer(root, place)));
            case CYCLIC_REFS -> cycle(root, place);
            case REMOTE_REF -> replace(place, ref("http://127.0.0.1:9/spec" + size + ".yaml#/components/schemas/A"));
            case FILE_REF -> replace(place, ref("../".repeat(size % 6) + "fuzz-" + size + ".yaml#/A"));
            case DEEP_NESTING -> replace(place, nested(place.node().deepCopy(), 1 + size % 2_000));
            case HUGE_STRING -> replace(place, F.textNode(text.isEmpty() ? "x".repeat(size % 1_000_000)
                    : text.repeat(1 + size % (1_000_000 / text.length()))));
            case TEXT_VALUE -> replace(place, F.textNode(text));
            case TEXT_KEY -> {
                if (place.node() instanceof ObjectNode object) {
                    object.set(text, F.textNode(text));
                }
            }
        }
    }

    private static ObjectNode ref(String target) {
        return F.objectNode().put("$ref", target);
    }

    /** Two schemas that refer to each other, one of them referred to from the chosen place. */
    private void cycle(ObjectNode root, Place place) {
        ObjectNode schemas = objectAt(objectAt(root, "components"), "schemas");
        schemas.set("CycleA" + size, ref("#/components/schemas/CycleB" + size));
        schemas.set("CycleB" + size, F.objectNode().put("type", "object").set("properties",
                F.objectNode().set("a", ref("#/components/schemas/CycleA" + size))));
        replace(place, ref("#/components/schemas/CycleA" + size));
    }

    /** The object under {@code name}, made one if the tree has something else there. */
    private static ObjectNode objectAt(ObjectNode parent, String name) {
        if (!(parent.get(name) instanceof ObjectNode)) {
            parent.set(name, F.objectNode());
        }
        return (ObjectNode) parent.get(name);
    }

    private static JsonNode nested(JsonNode inner, int depth) {
        JsonNode node = inner;
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? F.objectNode().set("n", node) : F.arrayNode().add(node);
        }
        return node;
    }

    private static void replace(Place place, JsonNode value) {
        if (place.parent() instanceof ObjectNode object) {
            object.set(place.key(), value);
        } else if (place.parent() instanceof ArrayNode array) {
            array.set(place.index(), value);
        } else if (place.node() instanceof ObjectNode root && value instanceof ObjectNode replacement) {
            root.removeAll().setAll(replacement);
        }
    }

    private static void remove(Place place) {
        if (place.parent() instanceof ObjectNode object) {
            object.remove(place.key());
        } else if (place.parent() instanceof ArrayNode array) {
            array.remove(place.index());
        }
    }

    private void duplicate(Place place) {
        if (place.parent() instanceof ObjectNode object) {
            object.set(place.key() + (text.isEmpty() ? "-copy" : text), place.node().deepCopy());
        } else if (place.parent() instanceof ArrayNode array) {
            array.insert(place.index(), place.node().deepCopy());
        }
    }

    private static String pointer(JsonNode root, Place place) {
        // The place's own JSON pointer, found by walking down again (the tree is small).
        return find(root, place.node(), "");
    }

    private static String find(JsonNode node, JsonNode wanted, String at) {
        if (node == wanted) {
            return at;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String found = find(field.getValue(), wanted,
                        at + "/" + field.getKey().replace("~", "~0").replace("/", "~1"));
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), wanted, at + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collect(JsonNode node, JsonNode parent, String key, int index, List<Place> places) {
        places.add(new Place(node, parent, key, index));
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(), node, field.getKey(), -1, places));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, places);
            }
        }
    }
}
