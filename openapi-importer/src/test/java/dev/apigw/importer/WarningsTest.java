package dev.apigw.importer;

import static dev.apigw.importer.Specs.importSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.RestApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each spec under {@code specs/warnings} imports, with exactly one warning about what AWS would do differently. */
class WarningsTest {

    static Stream<Arguments> warnings() {
        return Stream.of(
                arguments("missing-payload-format-version.yaml",
                        "paths./pets.get.x-amazon-apigateway-integration.payloadFormatVersion", 11,
                        "payloadFormatVersion is required by AWS; assuming 2.0. Add payloadFormatVersion: \"2.0\""
                                + " (or \"1.0\" for the REST-style event)."),
                arguments("no-integration.yaml", "paths./pets.delete.x-amazon-apigateway-integration", 13,
                        "no x-amazon-apigateway-integration: the method is not deployed. Add an integration (for"
                                + " example type: aws_proxy with a Lambda uri) to serve it."),
                arguments("root-security.yaml", "security", 5,
                        "root-level security is not applied by API Gateway. Repeat it in each operation's security."),
                arguments("misspelt-extension.yaml", "x-amazon-apigateway-gateway-response", 5,
                        "unknown extension `x-amazon-apigateway-gateway-response`: API Gateway ignores it. Did you"
                                + " mean `x-amazon-apigateway-gateway-responses`?"),
                arguments("mock-integration-on-http-api.yaml", "paths./health.get.x-amazon-apigateway-integration.type", 9,
                        "type `mock` is not supported by HTTP APIs, which have aws_proxy and http_proxy integrations"
                                + " only: the route is not deployed. Use aws_proxy for a Lambda function or http_proxy"
                                + " for an HTTP backend."),
                arguments("lambda-integration-with-get.yaml",
                        "paths./pets.get.x-amazon-apigateway-integration.httpMethod", 13,
                        "httpMethod `GET` on a Lambda integration: API Gateway calls Lambda with POST, and AWS answers"
                                + " every request with 500 Internal server error. Use httpMethod: POST."),
                arguments("rest-timeout-above-29-seconds.yaml",
                        "paths./report.get.x-amazon-apigateway-integration.timeoutInMillis", 15,
                        "timeoutInMillis 60000 is above the REST API limit of 29000 ms. AWS accepts it only for"
                                + " Regional and private APIs after a quota increase; use at most 29000 otherwise."),
                arguments("rest-only-extension-on-http-api.yaml", "x-amazon-apigateway-binary-media-types", 5,
                        "`x-amazon-apigateway-binary-media-types` applies to REST APIs only: this HTTP API ignores it."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void warnings(String file, String location, int line, String message) {
        ImportResult result = importSpec("warnings/" + file);

        assertThat(result.problems()).singleElement().isEqualTo(new Problem(location, line, Severity.WARNING, message));
        assertThat(result.api()).isNotNull();
    }

    @Test
    void a_lambda_integration_without_payload_format_version_gets_2_0() {
        HttpApi api = (HttpApi) importSpec("warnings/missing-payload-format-version.yaml").orThrow();

        assertThat(api.routes()).singleElement().extracting(route -> ((Integration.LambdaProxy) route.integration())
                .payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V2_0);
    }

    @Test
    void a_method_without_integration_is_left_out() {
        RestApi api = (RestApi) importSpec("warnings/no-integration.yaml").orThrow();

        assertThat(api.resource("/pets").orElseThrow().methods()).containsOnlyKeys(HttpMethod.GET);
    }

    @Test
    void a_route_with_an_unsupported_integration_type_is_left_out() {
        HttpApi api = (HttpApi) importSpec("warnings/mock-integration-on-http-api.yaml").orThrow();

        assertThat(api.routes()).extracting(route -> route.key().toString()).containsExactly("$default");
    }
}
