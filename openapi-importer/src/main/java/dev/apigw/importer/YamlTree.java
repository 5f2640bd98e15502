package dev.apigw.importer;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads YAML into a JSON tree with anchors and aliases resolved ({@code &echo} … {@code *echo}), which
 * Jackson's own tree reader leaves as the alias name. The number of nodes is bounded so that nested aliases
 * (a "billion laughs" document) cannot exhaust memory. Every token read is also handed to a
 * {@link SourceLines.Recorder}, so the source lines come from the same parse.
 */
final class YamlTree {
    /** Far above any real definition (AWS imports at most 6 MB), far below what would hurt. */
    private static final int MAX_NODES = 2_000_000;

    /**
     * SnakeYAML's own default for aliases to lists and maps ({@code LoaderOptions.maxAliasesForCollections}). Jackson
     * reads YAML through SnakeYAML's event parser, which does not apply that option, so it is applied here.
     */
    static final int MAX_COLLECTION_ALIASES = new org.yaml.snakeyaml.LoaderOptions().getMaxAliasesForCollections();

    private final YAMLParser parser;
    private final SourceLines.Recorder lines;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int nodes;
    private int collectionAliases;

    private YamlTree(YAMLParser parser, SourceLines.Recorder lines) {
        this.parser = parser;
        this.lines = lines;
    }

    /**
     * The first document of the text; {@code lines} is told the line of every token on the way. Any further
     * documents are scanned too, so that a syntax error anywhere in the text is thrown.
     */
    static JsonNode read(YAMLFactory factory, String text, SourceLines.Recorder lines) throws IOException {
        try (YAMLParser parser = factory.createParser(text)) {
            YamlTree tree = new YamlTree(parser, lines);
            if (tree.next() == null) {
                return JsonNodeFactory.instance.missingNode();
            }
            JsonNode first = tree.value();
            while (tree.next() != null) {
                // only the first document is the API; the rest is read for its syntax and lines
            }
            return first;
        }
    }

    private @Nullable JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token != null) {
            lines.record(parser);
        }
        return token;
    }

    private JsonNode value() throws IOException {
        if (parser.isCurrentAlias()) {
            Anchored anchored = anchors.get(parser.getText());
            if (anchored == null) {
                throw new JsonParseException(parser, "unknown alias *" + parser.getText());
            }
            if (anchored.node().isContainerNode() && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                throw new YamlLimitException(parser, "too many aliases: more than " + MAX_COLLECTION_ALIASES
                        + " aliases to lists or maps (a \"billion laughs\" document?). Write the values out instead");
            }
            // Counted before copying: the copy is what would exhaust memory.
            count(anchored.size());
            return anchored.node().deepCopy();
        }
        String anchor = parser.getObjectId();
        int before = nodes;
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            default -> scalar();
        };
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, nodes - before));
        }
        return node;
    }

    /** An anchored value and how many values it holds in all. */
    private record Anchored(JsonNode node, int size) {}

    private ObjectNode object() throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (next() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            next();
            object.set(name, value());
        }
        count(1);
        return object;
    }

    private ArrayNode array() throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        while (next() != JsonToken.END_ARRAY) {
            array.add(value());
        }
        count(1);
        return array;
    }

    private JsonNode scalar() throws IOException {
        count(1);
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (parser.currentToken()) {
            case VALUE_STRING -> f.textNode(parser.getText());
            case VALUE_NUMBER_INT -> parser.getNumberValue() instanceof BigInteger big ? f.numberNode(big)
                    : f.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new JsonParseException(parser, "unexpected YAML token " + parser.currentToken());
        };
    }

    /** A document refused for its size rather than its syntax. */
    static final class YamlLimitException extends JsonParseException {
        YamlLimitException(YAMLParser parser, String message) {
            super(parser, message);
        }
    }

    private void count(int more) throws JsonParseException {
        nodes += more;
        if (nodes > MAX_NODES) {
            throw new YamlLimitException(parser, "the document expands to more than " + MAX_NODES
                    + " values (nested YAML aliases?)");
        }
    }
}
