package dev.apigw.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The source line of every field and array element of a document, keyed by the dot-separated location the
 * importer uses in problems ({@code paths./pets.get.x-amazon-apigateway-integration.uri}). Built once from the
 * original text with Jackson's streaming parser (for YAML, the very parse {@link YamlTree} builds the tree from), so
 * lines are right for YAML and JSON alike. Also records duplicate keys, which a tree parser silently drops.
 */
final class SourceLines {

    static final SourceLines NONE = new SourceLines(Map.of(), List.of());

    /** A key written twice in one object: YAML and JSON parsers keep only the last one. */
    record DuplicateKey(String location, int line, int firstLine) {}

    private final Map<String, Integer> lines;
    private final List<DuplicateKey> duplicates;

    private SourceLines(Map<String, Integer> lines, List<DuplicateKey> duplicates) {
        this.lines = lines;
        this.duplicates = duplicates;
    }

    /** Reads the text, which the caller has already parsed successfully with the same factory. */
    static SourceLines read(String text, JsonFactory factory) throws IOException {
        Recorder recorder = new Recorder();
        try (JsonParser parser = factory.createParser(text)) {
            while (parser.nextToken() != null) {
                recorder.record(parser);
            }
        }
        return recorder.lines();
    }

    /** The line of the location, else of its closest enclosing location that has one. */
    @Nullable Integer lineOf(String location) {
        String candidate = location;
        while (true) {
            Integer line = lines.get(candidate);
            if (line != null) {
                return line;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            candidate = candidate.substring(0, dot);
        }
    }

    List<DuplicateKey> duplicates() {
        return duplicates;
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /**
     * Takes the tokens of a parse one by one, so that a reader building the tree can note the lines in the same
     * pass instead of parsing the text a second time (on a 10,000-route spec, that second scan was a third of a
     * cold import).
     */
    static final class Recorder {
        private final Map<String, Integer> lines = new HashMap<>();
        private final List<DuplicateKey> duplicates = new ArrayList<>();
        private final Deque<Container> open = new ArrayDeque<>();
        private @Nullable String pendingField;

        /** Notes the parser's current token; call it once for every token, in order. */
        void record(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            int line = parser.currentTokenLocation().getLineNr();
            Container parent = open.peek();
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open.pop();
            } else if (token == JsonToken.FIELD_NAME) {
                pendingField = parser.currentName();
                String location = join(parent.location, pendingField);
                Integer first = lines.putIfAbsent(location, line);
                if (!parent.keys.add(pendingField) && first != null) {
                    duplicates.add(new DuplicateKey(location, line, first));
                }
            } else {
                String location = parent == null ? "" : parent.childLocation(pendingField);
                if (parent != null && parent.array) {
                    lines.putIfAbsent(location, line);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Container(location, token == JsonToken.START_ARRAY));
                }
            }
        }

        SourceLines lines() {
            return new SourceLines(lines, duplicates);
        }
    }

    /** An object or array being read; arrays number their elements as location segments. */
    private static final class Container {
        final String location;
        final boolean array;
        final Set<String> keys = new HashSet<>();
        int nextIndex;

        Container(String location, boolean array) {
            this.location = location;
            this.array = array;
        }

        String childLocation(@Nullable String field) {
            return array ? join(location, Integer.toString(nextIndex++)) : join(location, String.valueOf(field));
        }
    }
}
