package dev.apigw.importer;

import static dev.apigw.importer.Specs.importSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each spec under {@code specs/invalid} has exactly one problem; the import reports it and nothing else. */
class InvalidSpecsTest {

    static Stream<Arguments> invalid_specs() {
        return Stream.of(
                arguments("unknown-integration-type.yaml",
                        "paths./pets.get.x-amazon-apigateway-integration.type", 12,
                        "unknown integration type `lambda`. Expected one of aws, aws_proxy, http, http_proxy, mock."),
                arguments("malformed-lambda-uri.yaml",
                        "paths./pets.get.x-amazon-apigateway-integration.uri", 14,
                        "malformed Lambda integration uri `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                                + "ListPets`: expected arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/"
                                + "FUNCTION_ARN/invocations, where FUNCTION_ARN is arn:aws:lambda:REGION:ACCOUNT:"
                                + "function:NAME (in SAM templates: {\"Fn::Sub\": \"arn:aws:apigateway:${AWS::Region}:"
                                + "lambda:path/2015-03-31/functions/${MyFunction.Arn}/invocations\"})."),
                arguments("unknown-passthrough-behavior.yaml",
                        "paths./pets/{id}.get.x-amazon-apigateway-integration.passthroughBehavior", 21,
                        "unknown value `WHEN_NO_MATCHES`. Expected one of WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER."),
                arguments("path-template-does-not-parse.yaml", "paths./pets/{id}.json", 6,
                        "path '/pets/{id}.json' has a variable that is not a whole segment: '{id}.json' (API Gateway"
                                + " path variables must span a whole segment, e.g. /pets/{id})."),
                arguments("greedy-variable-not-last.yaml", "paths./files/{path+}/meta", 6,
                        "greedy path variable must be the last segment in '/files/{path+}/meta'."),
                arguments("sibling-variable-conflict.yaml", "paths./pets/{petId}/toys", 19,
                        "`{petId}` in `/pets/{petId}/toys` conflicts with `{id}` in `/pets/{id}` (line 6): API Gateway"
                                + " allows only one path variable per level under the same parent. Use the same name"
                                + " in both, e.g. `{id}`."),
                arguments("duplicate-route-keys.yaml", "paths./pets/.get", 16,
                        "duplicate route key `GET /pets`: `/pets` (line 10) declares it too (API Gateway ignores a"
                                + " trailing slash). Keep one of them."),
                arguments("unknown-gateway-response-type.yaml",
                        "x-amazon-apigateway-gateway-responses.MISSING_AUTH_TOKEN", 9,
                        "unknown gateway response type `MISSING_AUTH_TOKEN`. Expected one of ACCESS_DENIED,"
                                + " API_CONFIGURATION_ERROR, AUTHORIZER_CONFIGURATION_ERROR, AUTHORIZER_FAILURE,"
                                + " BAD_REQUEST_PARAMETERS, BAD_REQUEST_BODY, DEFAULT_4XX, DEFAULT_5XX, EXPIRED_TOKEN,"
                                + " INTEGRATION_FAILURE, INTEGRATION_TIMEOUT, INVALID_API_KEY, INVALID_SIGNATURE,"
                                + " MISSING_AUTHENTICATION_TOKEN, QUOTA_EXCEEDED, REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND,"
                                + " THROTTLED, UNAUTHORIZED, UNSUPPORTED_MEDIA_TYPE, WAF_FILTERED."),
                arguments("non-lambda-aws-uri.yaml", "paths./orders.post.x-amazon-apigateway-integration.uri", 15,
                        "`arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders` is an AWS service integration"
                                + " (sqs): only Lambda function integrations are supported for type aws/aws_proxy."
                                + " Point it at a Lambda function (arn:aws:apigateway:REGION:lambda:path/2015-03-31/"
                                + "functions/FUNCTION_ARN/invocations), or use an http_proxy integration."),
                arguments("unparseable-yaml.yaml", Problems.DOCUMENT, 9,
                        "the document is not valid YAML or JSON: while parsing a flow mapping; expected ',' or '}',"
                                + " but got <scalar>. Fix the syntax at line 9."),
                arguments("unknown-request-validator.yaml", "paths./pets.post.x-amazon-apigateway-request-validator", 11,
                        "unknown request validator `all`. Expected one of body-only (declared under"
                                + " x-amazon-apigateway-request-validators)."),
                arguments("undeclared-security-scheme.yaml", "paths./pets.get.security", 8,
                        "security refers to `api_key`, which is not declared under components.securitySchemes."
                                + " Declare the scheme there, or remove the reference."),
                arguments("unresolved-integration-ref.yaml", "paths./pets.get.x-amazon-apigateway-integration.$ref", 9,
                        "no integration named `pets` under components.x-amazon-apigateway-integrations. Define it"
                                + " there, or fix the $ref."),
                arguments("http-integration-without-http-method.yaml",
                        "paths./pets.get.x-amazon-apigateway-integration.httpMethod", 11,
                        "missing httpMethod: an HTTP integration needs the method to call the backend with. Add"
                                + " httpMethod: GET (or POST, ANY, ...)."),
                arguments("timeout-out-of-range.yaml",
                        "paths./pets.get.x-amazon-apigateway-integration.timeoutInMillis", 13,
                        "timeoutInMillis 10 is out of range. Expected 50 to 29000 (milliseconds)."),
                arguments("unknown-authorizer-type.yaml",
                        "components.securitySchemes.auth.x-amazon-apigateway-authorizer.type", 13,
                        "unknown value `oauth`. Expected one of token, request, cognito_user_pools, jwt."),
                arguments("duplicate-key.yaml", "paths./pets", 13,
                        "duplicate key: it is also defined at line 6, and only the last definition would be kept."
                                + " Merge the two."),
                arguments("not-openapi.yaml", Problems.DOCUMENT, null,
                        "this is not an OpenAPI document: there is no `openapi` or `swagger` field. Add"
                                + " `openapi: 3.0.1` (or `swagger: \"2.0\"`) at the top."),
                arguments("unresolved-schema-ref.yaml",
                        "paths./pets.post.requestBody.content.application/json.schema", 11,
                        "cannot resolve $ref `#/components/schemas/NewPet`: there is no such schema under"
                                + " components.schemas. Define it there, or fix the $ref."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalid_specs(String file, String location, Integer line, String message) {
        ImportResult result = importSpec("invalid/" + file);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.api()).isNull();
        assertThat(result.problems()).singleElement()
                .isEqualTo(new Problem(location, line, Severity.ERROR, message));
    }

    @Test
    void a_missing_file_is_one_error_naming_the_file() {
        Path missing = Path.of("no-such-dir", "openapi.yaml");

        ImportResult result = OpenApiImporter.importFrom(missing);

        assertThat(result.api()).isNull();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo(Problems.DOCUMENT);
            assertThat(problem.line()).isNull();
            assertThat(problem.message()).startsWith("cannot read " + missing + ": file not found. Check the path");
        });
    }

    @Test
    void reports_every_problem_of_a_document_in_one_run() {
        ImportResult result = importSpec("invalid/several-problems.yaml");

        assertThat(result.problems()).extracting(Problem::severity, Problem::location, Problem::line).containsExactly(
                tuple(Severity.ERROR, "paths./pets/{id}x", 9),
                tuple(Severity.ERROR, "paths./pets.get.x-amazon-apigateway-integration.uri", 30),
                tuple(Severity.ERROR,
                        "paths./pets.post.x-amazon-apigateway-integration.passthroughBehavior", 37),
                tuple(Severity.ERROR,
                        "paths./pets.post.x-amazon-apigateway-integration.contentHandling", 38),
                tuple(Severity.ERROR, "x-amazon-apigateway-gateway-responses.NOT_A_TYPE", 6));
        assertThat(result.problems().get(3).message())
                .isEqualTo("unknown value `CONVERT_TO_JSON`. Expected one of CONVERT_TO_BINARY, CONVERT_TO_TEXT.");
    }

    @Test
    void or_throw_lists_every_problem_one_per_line() {
        ImportResult result = importSpec("invalid/several-problems.yaml");

        assertThat(catchThrowableOfType(InvalidSpecException.class, result::orThrow))
                .satisfies(e -> {
                    assertThat(e.problems()).hasSize(5);
                    assertThat(e.getMessage().lines()).hasSize(6).element(1).asString()
                            .startsWith("  ERROR paths./pets/{id}x (line 9): path '/pets/{id}x' has a variable");
                });
    }
}
