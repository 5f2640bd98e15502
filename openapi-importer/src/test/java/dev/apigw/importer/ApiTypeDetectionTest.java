package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.apigw.model.ApiType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTypeDetectionTest {

    private static final String OPENAPI = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\n";
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Fn";

    static Stream<Arguments> documents() {
        return Stream.of(
                arguments("swagger 2.0", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n", ApiType.REST),
                arguments("openapi 3 without http-only features", OPENAPI
                        + "paths:\n  /pets:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n", ApiType.REST),
                arguments("a /$default path", OPENAPI + "paths:\n  /$default:\n    x-amazon-apigateway-any-method:\n"
                        + "      x-amazon-apigateway-integration: {type: http_proxy, uri: 'https://x.example.com',"
                        + " payloadFormatVersion: '1.0'}\n", ApiType.HTTP),
                arguments("an integration with payloadFormatVersion", OPENAPI + "paths:\n  /pets:\n    get:\n"
                        + "      x-amazon-apigateway-integration: {type: aws_proxy, payloadFormatVersion: '2.0', uri: "
                        + LAMBDA + "}\n", ApiType.HTTP),
                arguments("a reusable integration with payloadFormatVersion", OPENAPI + "paths: {}\ncomponents:\n"
                        + "  x-amazon-apigateway-integrations:\n    fn: {type: aws_proxy, payloadFormatVersion: '2.0',"
                        + " uri: " + LAMBDA + "}\n", ApiType.HTTP),
                arguments("x-amazon-apigateway-cors", OPENAPI + "x-amazon-apigateway-cors: {allowOrigins: ['*']}\n"
                        + "paths: {}\n", ApiType.HTTP),
                arguments("x-amazon-apigateway-importexport-version", OPENAPI
                        + "x-amazon-apigateway-importexport-version: '1.0'\npaths: {}\n", ApiType.HTTP),
                arguments("x-apigw-websocket", OPENAPI + "paths: {}\nx-apigw-websocket: {routeSelectionExpression:"
                        + " $request.body.action, routes: {$default: {integration: {type: mock}}}}\n", ApiType.WEBSOCKET));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("documents")
    void detects_the_api_type_from_the_document(String description, String document, ApiType expected) {
        ImportResult result = OpenApiImporter.importFrom(document, description, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.orThrow().type()).isEqualTo(expected);
    }

    @Test
    void the_api_type_argument_decides_over_the_document() {
        String rest = OPENAPI + "paths:\n  /pets:\n    get:\n      x-amazon-apigateway-integration:\n"
                + "        {type: aws_proxy, uri: " + LAMBDA + "}\n";
        String http = OPENAPI + "x-amazon-apigateway-cors: {allowOrigins: ['*']}\npaths: {}\n";

        assertThat(OpenApiImporter.importFrom(rest, "rest", ApiType.HTTP).orThrow().type()).isEqualTo(ApiType.HTTP);
        assertThat(OpenApiImporter.importFrom(http, "http", ApiType.REST).orThrow().type()).isEqualTo(ApiType.REST);
    }
}
