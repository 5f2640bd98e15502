package dev.apigw.importer.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigw.importer.Problem;
import dev.apigw.importer.Problems;
import dev.apigw.importer.Severity;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.ApiType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.PayloadFormatVersion;
import java.util.Map;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Readers report bad input as problems and return a safe default; they never throw. */
class ExtensionReadersTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Fn";

    private final Problems problems = new Problems();

    private static SpecNode yaml(String text) {
        try {
            return SpecNode.of(YAML.readTree(text), "x");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ObjectAssert<Problem> onlyProblem() {
        assertThat(problems.list()).hasSize(1);
        return assertThat(problems.list().get(0));
    }

    @Nested
    class Integrations {
        private final IntegrationExtension rest = new IntegrationExtension(ApiType.REST, yaml("{}"), problems);
        private final IntegrationExtension http = new IntegrationExtension(ApiType.HTTP, yaml("{}"), problems);

        @Test
        void an_integration_that_is_not_an_object_is_an_error() {
            assertThat(rest.read(yaml("mock"))).isNull();
            onlyProblem().extracting(Problem::message)
                    .isEqualTo("expected an integration object (type, uri, ...) but found `\"mock\"`.");
        }

        @Test
        void a_missing_type_is_an_error_listing_the_types() {
            assertThat(rest.read(yaml("uri: " + LAMBDA))).isNull();
            onlyProblem().isEqualTo(new Problem("x.type", null, Severity.ERROR,
                    "missing type. Expected one of aws, aws_proxy, http, http_proxy, mock."));
        }

        @Test
        void rest_apis_ignore_payload_format_2_0_with_a_warning() {
            Integration integration = rest.read(yaml(
                    "{type: aws_proxy, httpMethod: POST, payloadFormatVersion: '2.0', uri: " + LAMBDA + "}"));

            assertThat(((Integration.LambdaProxy) integration).payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V1_0);
            onlyProblem().extracting(Problem::severity, Problem::location)
                    .containsExactly(Severity.WARNING, "x.payloadFormatVersion");
        }

        @Test
        void an_unknown_payload_format_is_an_error() {
            http.read(yaml("{type: aws_proxy, payloadFormatVersion: '3.0', uri: " + LAMBDA + "}"));

            onlyProblem().extracting(Problem::message).isEqualTo("unknown value `3.0`. Expected one of 1.0, 2.0.");
        }

        @Test
        void a_ref_outside_the_reusable_integrations_is_an_error() {
            assertThat(http.read(yaml("$ref: '#/components/schemas/Pet'"))).isNull();
            onlyProblem().extracting(Problem::location).isEqualTo("x.$ref");
        }

        @Test
        void an_http_uri_must_be_an_absolute_url() {
            assertThat(http.read(yaml("{type: http_proxy, payloadFormatVersion: '1.0', uri: /pets}"))).isNull();
            onlyProblem().extracting(Problem::message)
                    .isEqualTo("expected an absolute http:// or https:// URL but found `/pets`.");
        }

        @Test
        void a_service_integration_subtype_is_an_error() {
            http.read(yaml("{type: aws_proxy, integrationSubtype: SQS-SendMessage, payloadFormatVersion: '1.0'}"));

            onlyProblem().extracting(Problem::location).isEqualTo("x.integrationSubtype");
        }

        @Test
        void a_missing_lambda_uri_is_an_error() {
            rest.read(yaml("{type: aws, httpMethod: POST}"));

            onlyProblem().extracting(Problem::location, Problem::severity).containsExactly("x.uri", Severity.ERROR);
        }

        @Test
        void an_integration_response_without_status_code_is_an_error() {
            rest.read(yaml("{type: mock, responses: {default: {responseTemplates: {application/json: '{}'}}}}"));

            onlyProblem().extracting(Problem::location).isEqualTo("x.responses.default");
        }

        @Test
        void http_apis_allow_at_most_30_seconds() {
            Integration integration = http.read(yaml(
                    "{type: http_proxy, uri: 'https://x.example.com', payloadFormatVersion: '1.0', timeoutInMillis: 30001}"));

            assertThat(integration.options().timeoutInMillis()).isEqualTo(30_000);
            onlyProblem().extracting(Problem::message)
                    .isEqualTo("timeoutInMillis 30001 is out of range. Expected 50 to 30000 (milliseconds).");
        }

        @Test
        void a_field_of_the_wrong_shape_is_an_error_and_read_as_absent() {
            Integration integration = rest.read(yaml("{type: mock, requestTemplates: [a, b], cacheNamespace: {a: 1}}"));

            assertThat(integration.options().requestTemplates()).isEmpty();
            assertThat(problems.list()).extracting(Problem::location, Problem::message).containsExactly(
                    tuple("x.requestTemplates", "expected an object but found a list."),
                    tuple("x.cacheNamespace", "expected a string but found an object."));
        }
    }

    @Nested
    class Authorizers {
        private final AuthorizerExtension rest = new AuthorizerExtension(ApiType.REST, problems);
        private final AuthorizerExtension http = new AuthorizerExtension(ApiType.HTTP, problems);

        @Test
        void a_jwt_authorizer_on_a_rest_api_is_an_error() {
            assertThat(rest.read("auth", "Authorization", yaml(
                    "x-amazon-apigateway-authorizer: {type: jwt, jwtConfiguration: {issuer: 'https://i'}}"))).isNull();
            onlyProblem().extracting(Problem::message).isEqualTo("type `jwt` is not available on REST APIs, which have"
                    + " token, request and cognito_user_pools authorizers.");
        }

        @Test
        void a_jwt_authorizer_needs_an_issuer() {
            http.read("auth", null, yaml("x-amazon-apigateway-authorizer: {type: jwt}"));

            onlyProblem().extracting(Problem::location).isEqualTo("x.x-amazon-apigateway-authorizer.jwtConfiguration");
        }

        @Test
        void a_result_ttl_above_an_hour_is_an_error() {
            rest.read("auth", "Authorization", yaml("x-amazon-apigateway-authorizer: {type: token, authorizerUri: "
                    + LAMBDA + ", authorizerResultTtlInSeconds: 3601}"));

            onlyProblem().extracting(Problem::location)
                    .isEqualTo("x.x-amazon-apigateway-authorizer.authorizerResultTtlInSeconds");
        }

        @Test
        void a_cognito_authorizer_needs_provider_arns() {
            rest.read("auth", "Authorization", yaml("x-amazon-apigateway-authorizer: {type: cognito_user_pools}"));

            onlyProblem().extracting(Problem::location).isEqualTo("x.x-amazon-apigateway-authorizer.providerARNs");
        }

        @Test
        void a_lambda_authorizer_needs_its_function() {
            rest.read("auth", "Authorization", yaml("x-amazon-apigateway-authorizer: {type: request}"));

            onlyProblem().extracting(Problem::location).isEqualTo("x.x-amazon-apigateway-authorizer.authorizerUri");
        }

        @Test
        void an_http_lambda_authorizer_without_payload_format_gets_2_0_with_a_warning() {
            Authorizer authorizer = http.read("auth", "Authorization", yaml(
                    "x-amazon-apigateway-authorizer: {type: request, authorizerUri: " + LAMBDA + "}"));

            assertThat(authorizer.payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V2_0);
            onlyProblem().extracting(Problem::severity).isEqualTo(Severity.WARNING);
        }

        @Test
        void a_scheme_without_authorizer_is_not_an_authorizer() {
            assertThat(rest.read("api_key", "x-api-key", yaml("{}"))).isNull();
            assertThat(problems.list()).isEmpty();
        }
    }

    @Nested
    class RootExtensions {

        @Test
        void cors_max_age_must_be_at_most_a_day() {
            assertThat(CorsExtension.read(yaml("maxAge: 86401"), problems).maxAge()).isNull();
            onlyProblem().extracting(Problem::location).isEqualTo("x.maxAge");
        }

        @Test
        void minimum_compression_size_must_be_at_most_10_mib() {
            assertThat(MinimumCompressionSizeExtension.read(yaml("10485761"), problems)).isNull();
            onlyProblem().extracting(Problem::severity).isEqualTo(Severity.ERROR);
        }

        @Test
        void a_policy_may_be_a_json_string() {
            assertThat(PolicyExtension.read(yaml("'{\"Version\": \"2012-10-17\", \"Statement\": []}'"), problems))
                    .isEqualTo("{\"Version\": \"2012-10-17\", \"Statement\": []}");
            assertThat(problems.list()).isEmpty();
        }

        @Test
        void a_policy_that_is_not_a_json_object_is_an_error() {
            assertThat(PolicyExtension.read(yaml("allow everything"), problems)).isNull();
            onlyProblem().extracting(Problem::location).isEqualTo("x");
        }

        @Test
        void a_binary_media_type_needs_a_slash() {
            BinaryMediaTypesExtension.read(yaml("[image/png, png]"), problems);

            onlyProblem().extracting(Problem::message).asString().startsWith("`png` is not a media type.");
        }

        @Test
        void an_unknown_api_key_source_falls_back_to_header() {
            assertThat(ApiKeySourceExtension.read(yaml("QUERY"), problems)).isEqualTo(ApiKeySource.HEADER);
            onlyProblem().extracting(Problem::message).isEqualTo("unknown value `QUERY`. Expected one of HEADER, AUTHORIZER.");
        }

        @Test
        void an_unknown_auth_type_is_an_error() {
            assertThat(AuthExtension.read(yaml("type: COGNITO"), problems)).isNull();
            onlyProblem().extracting(Problem::message).isEqualTo("unknown value `COGNITO`. Expected one of NONE, AWS_IAM.");
        }

        @Test
        void a_selected_validator_needs_declared_validators() {
            assertThat(RequestValidatorsExtension.readSelected(yaml("all"), Map.of(), problems)).isNull();
            onlyProblem().extracting(Problem::message).isEqualTo("unknown request validator `all`. Declare it under"
                    + " x-amazon-apigateway-request-validators at the root of the document.");
        }

        @Test
        void a_gateway_response_status_must_be_a_status_code() {
            assertThat(GatewayResponsesExtension.read(yaml("UNAUTHORIZED: {statusCode: '4xx'}"), problems))
                    .hasEntrySatisfying(GatewayResponseType.UNAUTHORIZED,
                            response -> assertThat(response.statusCode()).isNull());
            onlyProblem().extracting(Problem::location).isEqualTo("x.UNAUTHORIZED.statusCode");
        }
    }

    @Nested
    class AnyMethod {

        @Test
        void lifts_the_any_method_next_to_its_path_with_the_path_parameters() throws Exception {
            JsonNode root = YAML.readTree("paths:\n  /a/{id}:\n    parameters: [{name: id, in: path}]\n"
                    + "    get: {}\n    x-amazon-apigateway-any-method: {isDefaultRoute: true, operationId: any}\n");

            AnyMethodExtension.lift(root, problems);

            assertThat(root.path("paths").fieldNames()).toIterable()
                    .containsExactly("/a/{id}", "/a/{id}#x-amazon-apigateway-any-method");
            assertThat(root.path("paths").path("/a/{id}#x-amazon-apigateway-any-method").toString()).isEqualTo(
                    "{\"parameters\":[{\"name\":\"id\",\"in\":\"path\"}],\"post\":{\"operationId\":\"any\"}}");
            assertThat(root.path("paths").path("/a/{id}").has(AnyMethodExtension.NAME)).isFalse();
        }

        @Test
        void restores_the_written_location_in_swagger_parser_messages() {
            assertThat(AnyMethodExtension.restoreLocations(
                    "attribute paths.'/a#x-amazon-apigateway-any-method'(post).foo is unexpected"))
                    .isEqualTo("attribute paths.'/a'(x-amazon-apigateway-any-method).foo is unexpected");
        }
    }
}
