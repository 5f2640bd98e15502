package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.importer.extensions.AnyMethodExtension;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Handing swagger-parser the tree must give exactly what handing it the tree's JSON text gave. */
class SwaggerParserInputTest {

    private static final String NUMBERS = """
            openapi: 3.0.1
            info: {title: numbers, version: "1"}
            x-amazon-apigateway-minimum-compression-size: 1024
            paths:
              /items/{id}:
                x-amazon-apigateway-any-method:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer, minimum: -5, maximum: 9007199254740993}}
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            price: {type: number, minimum: 0.01, maximum: 1e6, multipleOf: 0.5, example: 12.50}
                            count: {type: integer, format: int64, enum: [1, 2, 3000000000], default: 2}
                            big: {type: integer, example: 123456789012345678901234567890}
                  responses:
                    "200": {description: ok}
                  x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 1500}
            """;

    @Test
    void numbers_of_every_size_and_form_reach_swagger_parser_as_the_json_text_gave_them() {
        assertSameAsTextRoute(NUMBERS);
    }

    @ParameterizedTest
    @MethodSource("openApi30Specs")
    void every_openapi_30_test_spec_reads_the_same_as_through_text(Path spec) throws IOException {
        assertSameAsTextRoute(Files.readString(spec));
    }

    static Stream<Path> openApi30Specs() throws IOException {
        Path specs = Specs.path("rest").getParent();
        return Files.walk(specs).filter(p -> p.toString().endsWith(".yaml")).filter(p -> {
            try {
                return Files.readString(p).contains("openapi: 3.0");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).sorted();
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameAsTextRoute(String text) {
        JsonNode tree;
        try {
            tree = SpecDocument.read(text).tree();
        } catch (IOException e) {
            return; // a syntax error never reaches swagger-parser
        }
        JsonNode forTree = SwaggerParserInput.copyOf(tree);
        AnyMethodExtension.lift(forTree, new Problems());
        JsonNode forText = tree.deepCopy();
        AnyMethodExtension.lift(forText, new Problems());

        // The tree route itself, not its fallback to text.
        SwaggerParseResult viaTree = SwaggerParserInput.readOpenApi30(forTree, SpecParser.options());
        SwaggerParseResult viaText = new OpenAPIParser().readContents(forText.toString(), null, SpecParser.options());

        assertThat(viaTree).isNotNull();
        assertThat(viaTree.getMessages()).isEqualTo(viaText.getMessages());
        assertThat(viaTree.getOpenAPI()).isEqualTo(viaText.getOpenAPI());
        assertThat(forTree).isEqualTo(readJson(forText.toString()));
    }
}
