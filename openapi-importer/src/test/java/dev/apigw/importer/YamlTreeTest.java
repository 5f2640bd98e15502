package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.Integration;
import dev.apigw.model.RestApi;
import org.junit.jupiter.api.Test;

/** YAML anchors and aliases are plain YAML: an integration written once and reused must import everywhere. */
class YamlTreeTest {

    @Test
    void aliased_integrations_are_resolved() {
        String spec = """
                openapi: 3.0.1
                info: {title: anchors, version: "1"}
                paths:
                  /a:
                    get:
                      x-amazon-apigateway-integration: &lambda
                        type: aws_proxy
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Shared/invocations
                  /b:
                    get:
                      x-amazon-apigateway-integration: *lambda
                """;
        ImportResult result = OpenApiImporter.importFrom(spec, "anchors.yaml", null);

        assertThat(result.problems()).isEmpty();
        RestApi api = (RestApi) result.orThrow();
        assertThat(api.resources()).hasSize(2).allSatisfy(resource -> assertThat(resource.methods().values())
                .singleElement().satisfies(m -> assertThat(((Integration.LambdaProxy) m.integration()).function()
                        .functionName()).isEqualTo("Shared")));
    }

    @Test
    void nested_aliases_that_expand_without_bound_are_an_error_not_a_hang() {
        StringBuilder spec = new StringBuilder("openapi: 3.0.1\ninfo: {title: laughs, version: \"1\"}\npaths: {}\n");
        spec.append("x-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            spec.append("x-l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                spec.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            spec.append("]\n");
        }
        ImportResult result = OpenApiImporter.importFrom(spec.toString(), "laughs.yaml", null);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly("ERROR (document) (line 10): the"
                + " document is refused: too many aliases: more than 50 aliases to lists or maps (a \"billion laughs\""
                + " document?). Write the values out instead.");
    }

    @Test
    void few_aliases_of_a_huge_list_are_refused_by_the_value_count() {
        StringBuilder spec = new StringBuilder("openapi: 3.0.1\ninfo: {title: wide, version: \"1\"}\npaths: {}\n");
        spec.append("x-wide: &wide [").append("x, ".repeat(200_000)).append("x]\n");
        spec.append("x-copies: [").append("*wide, ".repeat(11)).append("*wide]\n");

        ImportResult result = OpenApiImporter.importFrom(spec.toString(), "wide.yaml", null);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly("ERROR (document) (line 5): the"
                + " document is refused: the document expands to more than 2000000 values (nested YAML aliases?).");
    }
}
