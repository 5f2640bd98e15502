package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiType;
import dev.apigw.model.RestApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ImportEntryPointsTest {

    @Test
    void imports_the_same_api_from_a_path_a_string_and_a_stream() throws IOException {
        String content = Files.readString(Specs.path("rest/lambda-proxy.yaml"));

        ImportResult fromPath = OpenApiImporter.importFrom(Specs.path("rest/lambda-proxy.yaml"));
        ImportResult fromString = OpenApiImporter.importFrom(content, "lambda-proxy.yaml", null);
        ImportResult fromStream = OpenApiImporter.importFrom(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "lambda-proxy.yaml", null);

        assertThat(fromPath.api()).isInstanceOf(RestApi.class);
        assertThat(fromString.api()).isEqualTo(fromPath.api());
        assertThat(fromStream.api()).isEqualTo(fromPath.api());
        assertThat(fromStream.source()).isEqualTo("lambda-proxy.yaml");
    }

    @Test
    void a_failing_stream_is_an_error_not_an_exception() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };

        ImportResult result = OpenApiImporter.importFrom(broken, "broken.yaml", ApiType.REST);

        assertThat(result.problems()).singleElement().extracting(Problem::message)
                .isEqualTo("cannot read broken.yaml: IOException: disk on fire.");
    }

    @Test
    void an_empty_document_is_an_error() {
        assertThat(OpenApiImporter.importFrom("", "empty.yaml", null).problems()).singleElement()
                .extracting(Problem::message).asString().startsWith("expected an OpenAPI document")
                .endsWith("but found an empty document.");
    }

    @Test
    void a_json_syntax_error_has_its_line() {
        ImportResult result = OpenApiImporter.importFrom("{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\n}}}\n", "x.json", null);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("the document is not valid YAML or JSON: Unexpected close marker");
        });
    }

    @Test
    void a_list_is_not_an_openapi_document() {
        assertThat(OpenApiImporter.importFrom("[1, 2]", "list.json", null).problems()).singleElement()
                .extracting(Problem::message).asString().endsWith("but found a list.");
    }

    @Test
    void an_unsupported_version_is_an_error_at_the_version_field() {
        ImportResult result = OpenApiImporter.importFrom("swagger: '1.2'\npaths: {}\n", "old.yaml", null);

        assertThat(result.problems()).singleElement().isEqualTo(new Problem("swagger", 1, Severity.ERROR,
                "unsupported Swagger version `1.2`. Expected \"2.0\", or an OpenAPI 3 document (`openapi: 3.0.1`)."));
    }
}
