package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

    private static final String YAML = """
            openapi: 3.0.1
            paths:
              /pets/{id}:
                get:
                  parameters:
                    - name: id
                      in: path
                    - name: q
                  x-amazon-apigateway-integration:
                    type: mock
                    responses:
                      ".*error.*":
                        statusCode: "500"
            """;

    @Test
    void knows_the_line_of_every_field_and_list_element_in_yaml() throws Exception {
        SourceLines lines = SourceLines.read(YAML, new YAMLFactory());

        assertThat(lines.lineOf("openapi")).isEqualTo(1);
        assertThat(lines.lineOf("paths./pets/{id}.get")).isEqualTo(4);
        assertThat(lines.lineOf("paths./pets/{id}.get.parameters.1")).isEqualTo(8);
        assertThat(lines.lineOf("paths./pets/{id}.get.parameters.1.name")).isEqualTo(8);
        assertThat(lines.lineOf("paths./pets/{id}.get.x-amazon-apigateway-integration.type")).isEqualTo(10);
        assertThat(lines.lineOf("paths./pets/{id}.get.x-amazon-apigateway-integration.responses..*error.*.statusCode"))
                .isEqualTo(13);
    }

    @Test
    void falls_back_to_the_closest_enclosing_location() throws Exception {
        SourceLines lines = SourceLines.read(YAML, new YAMLFactory());

        assertThat(lines.lineOf("paths./pets/{id}.get.x-amazon-apigateway-integration.uri")).isEqualTo(9);
        assertThat(lines.lineOf("nowhere")).isNull();
    }

    @Test
    void the_yaml_tree_reader_records_the_same_lines_in_its_single_pass() throws Exception {
        SourceLines lines = SpecDocument.read(YAML).lines();

        assertThat(lines.lineOf("paths./pets/{id}.get.parameters.1")).isEqualTo(8);
        assertThat(lines.lineOf("paths./pets/{id}.get.x-amazon-apigateway-integration.responses..*error.*.statusCode"))
                .isEqualTo(13);
        assertThat(lines.lineOf("paths./pets/{id}.get.x-amazon-apigateway-integration.uri")).isEqualTo(9);
    }

    @Test
    void knows_lines_in_json() throws Exception {
        String json = "{\n  \"swagger\": \"2.0\",\n  \"paths\": {\n    \"/pets\": {\n      \"get\": {}\n    }\n  }\n}\n";

        SourceLines lines = SourceLines.read(json, new JsonFactory());

        assertThat(lines.lineOf("swagger")).isEqualTo(2);
        assertThat(lines.lineOf("paths./pets.get")).isEqualTo(5);
    }

    @Test
    void records_duplicate_keys_with_both_lines() throws Exception {
        SourceLines lines = SourceLines.read("a: 1\nb:\n  c: 1\n  c: 2\n", new YAMLFactory());

        assertThat(lines.duplicates()).containsExactly(new SourceLines.DuplicateKey("b.c", 4, 3));
    }

    @Test
    void the_yaml_tree_reader_records_duplicate_keys_too() throws Exception {
        SourceLines lines = SpecDocument.read("a: 1\nb:\n  c: 1\n  c: 2\n").lines();

        assertThat(lines.duplicates()).containsExactly(new SourceLines.DuplicateKey("b.c", 4, 3));
    }
}
