package dev.apigw.importer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.importer.ImportResult;
import dev.apigw.importer.OpenApiImporter;
import dev.apigw.importer.Problem;
import org.junit.jupiter.api.Test;

/** Inputs {@link ImporterFuzzTest} found crashing the importer, each answered with a problem now. */
class ImporterFuzzRegressionTest {

    private static ImportResult importSpec(String spec) {
        ImportResult result = OpenApiImporter.importFrom(spec, "found.yaml", null);
        ImporterFuzzTest.assertAnswered(result);
        return result;
    }

    @Test
    void a_parameter_without_a_name_is_an_error_not_a_null_pointer() {
        ImportResult result = importSpec("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets/{id}:
                    get:
                      parameters:
                        - {in: path, required: true, schema: {type: string}}
                """);
        assertThat(result.problems()).extracting(Problem::toString).contains(
                "ERROR paths./pets/{id}.get.parameters (line 6): a parameter in path has no name. Add `name:` to"
                        + " it, or remove it.");
    }

    @Test
    void a_swagger_2_response_header_of_an_unknown_type_is_an_error_not_a_converter_crash() {
        ImportResult result = importSpec("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: x
                          headers:
                            Location: {type: ''}
                """);
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "ERROR paths./pets.get.responses.200.headers.Location.type (line 10): a response header's type must"
                        + " be string, number, integer, boolean or array in Swagger 2.0, not ``. Fix the type (for"
                        + " example `type: string`).");
    }

    @Test
    void a_swagger_2_response_that_is_not_an_object_is_an_error_not_a_converter_crash() {
        ImportResult result = importSpec("""
                swagger: '2.0'
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '200': ''
                """);
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "ERROR paths./pets.get.responses.200 (line 7): a response must be an object (with a `description`),"
                        + " not `\"\"`. Write it as `description: OK`.");
    }

    @Test
    void a_path_item_whose_ref_is_a_number_is_an_error_not_a_null_pointer() {
        ImportResult result = importSpec("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                x-amazon-apigateway-cors: {allowOrigins: ['*']}
                paths:
                  /pets:
                    $ref: -7
                """);
        assertThat(result.problems()).extracting(Problem::toString).contains(
                "ERROR paths./pets (line 5): the path has no readable operations (is its `$ref` broken?). Write the"
                        + " operations under the path, or point the `$ref` at a path item.");
    }
}
