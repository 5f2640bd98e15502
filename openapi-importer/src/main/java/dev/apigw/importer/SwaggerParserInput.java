package dev.apigw.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hands the document's tree to swagger-parser. Its public entry point takes text, so the tree would be written out
 * as JSON and parsed again: on a 10,000-route spec that round trip is a sixth of a cold import. An OpenAPI 3.0
 * document is therefore given to swagger-parser's own deserializer and resolver as a tree, the two steps its
 * {@code readContents} runs after parsing the text. The tree is a copy whose numbers have the node types parsing
 * its JSON text would give (YAML integers are read as longs, decimals as {@code BigDecimal}), so swagger-parser
 * sees exactly what it saw before. OpenAPI 3.1 (another resolver) and Swagger 2.0 (the converter reads text) keep
 * the text route, and so does any 3.0 document for which the tree route fails, so messages never change.
 */
final class SwaggerParserInput {

    // Parses a number's JSON text the way swagger-parser's JSON mapper does (default number handling).
    private static final ObjectMapper JSON = new ObjectMapper();

    private SwaggerParserInput() {}

    /** A deep copy of the tree that swagger-parser may change, with numbers as JSON text would give them. */
    static JsonNode copyOf(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), copyOf(field.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
            for (JsonNode element : array) {
                copy.add(copyOf(element));
            }
            return copy;
        }
        // Numbers are rare in a spec; writing and reading each one is the exact round trip, for every edge case.
        return node.isNumber() ? reread(node) : node;
    }

    private static JsonNode reread(JsonNode number) {
        try {
            return JSON.readTree(number.toString());
        } catch (JsonProcessingException e) {
            // Jackson writes a number node as a JSON number, which it reads back.
            throw new IllegalStateException("cannot read back the number " + number, e);
        }
    }

    /** swagger-parser's reading of the (copied, lifted) tree of a document of that version. */
    static SwaggerParseResult read(JsonNode tree, ParsedSpec.Version version, ParseOptions options) {
        if (version == ParsedSpec.Version.OPENAPI_3_0) {
            SwaggerParseResult result = readOpenApi30(tree, options);
            if (result != null) {
                return result;
            }
        }
        return new OpenAPIParser().readContents(tree.toString(), null, options);
    }

    /** What {@code OpenAPIV3Parser.readContents} does for 3.0 once it has the tree; null when it does not succeed. */
    static @Nullable SwaggerParseResult readOpenApi30(JsonNode tree, ParseOptions options) {
        try {
            SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, tree, options);
            if (result.getOpenAPI() == null) {
                return null;
            }
            new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), null, null, options).resolve(result);
            return result;
        } catch (RuntimeException e) {
            // The text route reports such failures in swagger-parser's own words.
            return null;
        }
    }
}
