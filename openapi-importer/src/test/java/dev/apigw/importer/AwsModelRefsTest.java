package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.RestApi;
import org.junit.jupiter.api.Test;

/** A model referenced in API Gateway's own URL form is the document's model of that name, not a remote file. */
class AwsModelRefsTest {
    private static final String OPENAPI = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths:
              /pets:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "https://apigateway.amazonaws.com/restapis/abc123/models/Pet"}
                  x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner: {$ref: "https://apigateway.amazonaws.com/restapis/abc123/models/Owner"}
                Owner: {type: object, required: [name]}
            """;

    private static final String SWAGGER = """
            swagger: "2.0"
            info: {title: t, version: "1"}
            paths:
              /pets:
                post:
                  consumes: [application/json]
                  parameters:
                    - {in: body, name: Pet, required: true, schema: {$ref: "https://apigateway.amazonaws.com/restapis/abc123/models/Pet"}}
                  responses: {"200": {description: ok}}
                  x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
            definitions:
              Pet: {type: object}
            """;

    @Test
    void an_openapi_model_url_names_the_schema_of_that_name() {
        ImportResult result = OpenApiImporter.importFrom(OPENAPI, "openapi.yaml", null);

        assertThat(result.problems()).isEmpty();
        RestApi api = (RestApi) result.orThrow();
        assertThat(Specs.method(api, "/pets", HttpMethod.POST).requestModels())
                .containsOnly(Map.entry("application/json", "Pet"));
        // The nested reference resolved too: the model carries the Owner schema it points at.
        assertThat(api.models().get("Pet").schemaJson()).contains("\"Owner\":{\"required\":[\"name\"]");
    }

    @Test
    void a_swagger_2_model_url_names_the_definition_of_that_name() {
        ImportResult result = OpenApiImporter.importFrom(SWAGGER, "swagger.yaml", null);

        assertThat(result.problems()).isEmpty();
        assertThat(Specs.method((RestApi) result.orThrow(), "/pets", HttpMethod.POST).requestModels())
                .containsOnly(Map.entry("application/json", "Pet"));
    }

    @Test
    void any_other_url_is_still_refused() {
        ImportResult result = OpenApiImporter.importFrom(OPENAPI.replace("apigateway.amazonaws.com", "example.com"),
                "openapi.yaml", null);

        assertThat(result.problems()).anyMatch(problem -> problem.message().contains("refers to a URL"));
    }
}
