package dev.apigw.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The document's text read as a JSON tree (JSON or YAML, by its first character) plus the line of every location.
 * Syntax only: what the tree means is swagger-parser's business.
 */
record SpecDocument(JsonNode tree, SourceLines lines) {

    // AWS imports definitions of up to 6 MB; SnakeYAML's default limit (3 MB) would refuse some of them.
    private static final int MAX_YAML_CODE_POINTS = 16 * 1024 * 1024;

    /** Reads the text; a syntax error is thrown as a {@link JsonProcessingException} with its location. */
    static SpecDocument read(String text) throws IOException {
        if (looksLikeJson(text)) {
            JsonFactory json = new JsonFactory();
            JsonNode tree = new ObjectMapper(json).readTree(text);
            return new SpecDocument(tree, SourceLines.read(text, json));
        }
        SourceLines.Recorder lines = new SourceLines.Recorder();
        JsonNode tree = YamlTree.read(yamlFactory(), text, lines);
        return new SpecDocument(tree, lines.lines());
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CODE_POINTS);
        return YAMLFactory.builder().loaderOptions(options).build();
    }
}
