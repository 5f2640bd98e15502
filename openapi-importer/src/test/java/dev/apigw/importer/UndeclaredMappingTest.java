package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A mapping from a method request parameter the method does not declare: AWS refuses it at import, so it warns. */
class UndeclaredMappingTest {
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: t, version: "1"}
            paths:
              /items/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: X-Tenant, in: header, schema: {type: string}}
                  x-amazon-apigateway-integration:
                    type: http
                    httpMethod: GET
                    uri: http://127.0.0.1:1/items/{id}
                    requestParameters:
                      integration.request.path.id: method.request.path.id
                      integration.request.header.x-tenant: method.request.header.x-tenant
                      integration.request.querystring.page: method.request.multivaluequerystring.page
                      integration.request.header.X-Static: "'fixed'"
                    responses:
                      default: {statusCode: "200"}
            """;

    @Test
    void only_the_undeclared_parameter_is_warned_about_with_its_line() {
        ImportResult result = OpenApiImporter.importFrom(SPEC, "openapi.yaml", null);

        List<Problem> warnings = result.problems().stream().filter(p -> p.severity() == Severity.WARNING).toList();
        assertThat(warnings).singleElement().satisfies(problem -> {
            assertThat(problem.location()).endsWith(".requestParameters.integration.request.querystring.page");
            assertThat(problem.line()).isEqualTo(16);
            assertThat(problem.message()).contains("`method.request.multivaluequerystring.page`")
                    .contains("AWS refuses this at import").contains("{name: page, in: query}");
        });
        assertThat(result.problems()).noneMatch(p -> p.severity() == Severity.ERROR);
    }
}
