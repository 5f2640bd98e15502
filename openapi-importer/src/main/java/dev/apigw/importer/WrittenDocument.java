package dev.apigw.importer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The document as its author wrote it: the tree whose shape every {@link Problem#location()} follows, and the
 * source line of each such location. For tools that point at places in the document in the importer's own terms
 * (apigw's support report does), without parsing it a second time.
 */
public final class WrittenDocument {

    private final JsonNode tree;
    private final SourceLines lines;

    WrittenDocument(JsonNode tree, SourceLines lines) {
        this.tree = requireNonNull(tree, "tree");
        this.lines = requireNonNull(lines, "lines");
    }

    /** The document's root, YAML read as JSON; Swagger 2.0 documents are not converted here. */
    public JsonNode tree() {
        return tree;
    }

    /** The line of a location such as {@code paths./pets.get.x-amazon-apigateway-integration}, else of its parent. */
    public @Nullable Integer lineOf(String location) {
        return lines.lineOf(location);
    }
}
