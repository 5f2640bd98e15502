package dev.apigw.importer;

import static dev.apigw.importer.Specs.method;
import static dev.apigw.importer.Specs.rest;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.apigw.model.ApiKeySource;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.RequestParameter;
import dev.apigw.model.RequestParameter.Location;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestApiImportTest {

    @Nested
    class LambdaProxy {
        private final RestApi api = rest("rest/lambda-proxy.yaml");

        @Test
        void keeps_the_paths_in_document_order_and_ignores_the_base_path() {
            assertThat(api.title()).isEqualTo("pets");
            assertThat(api.resources()).extracting(resource -> resource.path().text())
                    .containsExactly("/pets", "/pets/{id}", "/{proxy+}");
        }

        @Test
        void reads_an_aws_proxy_integration_as_a_lambda_proxy_with_payload_format_1_0() {
            Method listPets = method(api, "/pets", HttpMethod.GET);

            assertThat(listPets.operationId()).isEqualTo("listPets");
            assertThat(listPets.integration()).asInstanceOf(type(Integration.LambdaProxy.class)).satisfies(proxy -> {
                assertThat(proxy.function().functionName()).isEqualTo("ListPets");
                assertThat(proxy.payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V1_0);
                assertThat(proxy.options().timeoutInMillis()).isEqualTo(IntegrationOptions.DEFAULT_REST_TIMEOUT_MILLIS);
                assertThat(proxy.options().passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_MATCH);
            });
        }

        @Test
        void drops_the_alias_qualifier_from_the_function_name() {
            assertThat(function(method(api, "/pets/{id}", HttpMethod.GET)).functionName()).isEqualTo("GetPet");
        }

        @Test
        void reads_x_amazon_apigateway_any_method_as_the_any_method_of_a_greedy_resource() {
            Resource proxy = api.resource("/{proxy+}").orElseThrow();

            assertThat(proxy.path().isGreedy()).isTrue();
            assertThat(proxy.methods()).containsOnlyKeys(HttpMethod.ANY);
            assertThat(proxy.methods().get(HttpMethod.ANY).requestParameters())
                    .containsExactly(new RequestParameter(Location.PATH, "proxy", true));
        }

        @Test
        void resolves_aws_variables_in_the_uri_but_keeps_the_uri_as_written() {
            FunctionRef catchAll = function(method(api, "/{proxy+}", HttpMethod.ANY));

            assertThat(catchAll.functionName()).isEqualTo("CatchAll");
            assertThat(catchAll.written()).startsWith("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:");
        }
    }

    @Nested
    class EveryIntegrationField {
        private final RestApi api = rest("rest/every-integration-field.yaml");

        @Test
        void reads_every_field_of_a_lambda_custom_integration() {
            Integration integration = method(api, "/pets/{id}", HttpMethod.GET).integration();

            assertThat(integration).isInstanceOf(Integration.Lambda.class);
            assertThat(((Integration.Lambda) integration).function().functionName()).isEqualTo("GetPet");
            IntegrationOptions options = integration.options();
            assertThat(options.httpMethod()).isEqualTo("POST");
            assertThat(options.credentials()).isEqualTo("arn:aws:iam::000000000000:role/apigw-invoke");
            assertThat(options.connectionType()).isEqualTo(ConnectionType.INTERNET);
            assertThat(options.requestParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "integration.request.header.x-pet-id", "method.request.path.id",
                    "integration.request.querystring.stage", "'prod'"));
            assertThat(options.requestTemplates()).containsOnlyKeys("application/json", "application/xml")
                    .containsEntry("application/json", "{\"id\": \"$input.params('id')\"}");
            assertThat(options.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_TEMPLATES);
            assertThat(options.contentHandling()).isEqualTo(ContentHandling.CONVERT_TO_TEXT);
            assertThat(options.timeoutInMillis()).isEqualTo(5000);
            assertThat(options.cacheKeyParameters()).containsExactly("method.request.path.id");
            assertThat(options.cacheNamespace()).isEqualTo("pets");
            assertThat(options.insecureSkipVerification()).isTrue();
        }

        @Test
        void keeps_integration_responses_in_document_order() {
            List<IntegrationResponse> responses = method(api, "/pets/{id}", HttpMethod.GET).integration().options().responses();

            assertThat(responses).extracting(IntegrationResponse::selectionPattern, IntegrationResponse::statusCode)
                    .containsExactly(
                            tuple(".*not found.*", "404"),
                            tuple("default", "200"),
                            tuple(".+", "500"));
            IntegrationResponse byDefault = responses.get(1);
            assertThat(byDefault.isDefault()).isTrue();
            assertThat(byDefault.responseParameters())
                    .containsExactly(Map.entry("method.response.header.Cache-Control", "'max-age=60'"));
            assertThat(byDefault.responseTemplates()).containsExactly(Map.entry("application/json", "$input.json('$')"));
            assertThat(byDefault.contentHandling()).isEqualTo(ContentHandling.CONVERT_TO_BINARY);
        }

        @Test
        void reads_an_http_integration_behind_a_vpc_link() {
            Integration integration = method(api, "/legacy/{path+}", HttpMethod.POST).integration();

            assertThat(integration).asInstanceOf(type(Integration.Http.class)).satisfies(http -> {
                assertThat(http.uri()).isEqualTo("https://legacy.example.com/{path}");
                assertThat(http.httpMethod()).isEqualTo(HttpMethod.PUT);
                assertThat(http.options().connectionType()).isEqualTo(ConnectionType.VPC_LINK);
                assertThat(http.options().connectionId()).isEqualTo("${stageVariables.vpcLinkId}");
                assertThat(http.options().passthroughBehavior()).isEqualTo(PassthroughBehavior.NEVER);
            });
        }

        @Test
        void reads_a_mock_integration_with_its_response_parameters() {
            Method options = method(api, "/legacy/{path+}", HttpMethod.OPTIONS);

            assertThat(options.integration()).isInstanceOf(Integration.Mock.class);
            assertThat(options.integration().options().requestTemplates())
                    .containsExactly(Map.entry("application/json", "{\"statusCode\": 200}"));
            assertThat(options.integration().options().responses()).singleElement().satisfies(response ->
                    assertThat(response.responseParameters())
                            .containsExactly(Map.entry("method.response.header.Access-Control-Allow-Origin", "'*'")));
            assertThat(options.responses().get("200").headers())
                    .containsExactly(Map.entry("method.response.header.Access-Control-Allow-Origin", false));
        }

        @Test
        void reads_an_http_proxy_integration() {
            assertThat(method(api, "/search", HttpMethod.GET).integration())
                    .isEqualTo(new Integration.HttpProxy("https://search.example.com/find", HttpMethod.GET,
                            new IntegrationOptions("GET", null, ConnectionType.INTERNET, null, Map.of(), Map.of(),
                                    PassthroughBehavior.WHEN_NO_MATCH, null, 29_000, List.of(), null, List.of(),
                                    Map.of(), false)));
        }
    }

    @Nested
    class MethodRequest {
        private final RestApi api = rest("rest/method-request.yaml");

        @Test
        void merges_path_level_parameters_into_each_method() {
            assertThat(method(api, "/owners/{ownerId}/pets", HttpMethod.GET).requestParameters()).containsExactly(
                    new RequestParameter(Location.PATH, "ownerId", true),
                    new RequestParameter(Location.QUERYSTRING, "limit", false),
                    new RequestParameter(Location.HEADER, "X-Trace", true));
        }

        @Test
        void names_the_request_models_after_their_schema_refs_or_the_operation() {
            Method createPet = method(api, "/owners/{ownerId}/pets", HttpMethod.POST);

            assertThat(createPet.requestModels()).containsOnly(
                    Map.entry("application/json", "Pet"), Map.entry("application/xml", "CreatePetRequest"));
            assertThat(createPet.requestBodyRequired()).isTrue();
        }

        @Test
        void reads_method_responses_with_their_headers_and_models() {
            MethodResponse listed = method(api, "/owners/{ownerId}/pets", HttpMethod.GET).responses().get("200");

            assertThat(listed.headers()).containsOnly(
                    Map.entry("method.response.header.X-Total", true), Map.entry("method.response.header.X-Next", false));
            assertThat(listed.models()).containsOnly(Map.entry("application/json", "GetOwnersOwneridPetsResponse200"));
            assertThat(method(api, "/owners/{ownerId}/pets", HttpMethod.POST).responses().get("201").models())
                    .containsOnly(Map.entry("application/json", "Pet"));
        }

        @Test
        void applies_the_default_validator_unless_the_operation_names_its_own() {
            assertThat(api.requestValidators()).containsOnly(
                    Map.entry("all", new RequestValidator(true, true)),
                    Map.entry("params-only", new RequestValidator(false, true)));
            assertThat(method(api, "/owners/{ownerId}/pets", HttpMethod.GET).requestValidator()).isEqualTo("params-only");
            assertThat(method(api, "/owners/{ownerId}/pets", HttpMethod.POST).requestValidator()).isEqualTo("all");
        }

        @Test
        void makes_each_model_a_self_contained_json_schema() {
            assertThat(api.models()).containsOnlyKeys(
                    "Pet", "Tag", "CreatePetRequest", "GetOwnersOwneridPetsResponse200");
            assertThatJson(api.models().get("Pet").schemaJson()).isEqualTo("""
                    {
                      "type": "object",
                      "required": ["name"],
                      "properties": {
                        "name": {"type": "string"},
                        "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}}
                      },
                      "definitions": {
                        "Tag": {"type": "object", "properties": {"label": {"type": "string"}}}
                      }
                    }""");
            assertThatJson(api.models().get("GetOwnersOwneridPetsResponse200").schemaJson())
                    .inPath("$.definitions").isObject().containsOnlyKeys("Pet", "Tag");
        }
    }

    @Nested
    class Security {
        private final RestApi api = rest("rest/security.yaml");

        @Test
        void reads_a_token_authorizer_with_the_scheme_header_as_identity_source() {
            assertThat(api.authorizers().get("token-authorizer")).isEqualTo(new Authorizer(
                    "token-authorizer", AuthorizerType.TOKEN,
                    new FunctionRef("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:123456789012:function:TokenAuthorizer/invocations",
                            "TokenAuthorizer"),
                    "arn:aws:iam::000000000000:role/authorizer", List.of("method.request.header.X-Token"),
                    "^Bearer .+$", 60, null, false, null, List.of(), "custom"));
        }

        @Test
        void reads_a_request_authorizer_with_its_identity_sources() {
            Authorizer request = api.authorizers().get("request-authorizer");

            assertThat(request.type()).isEqualTo(AuthorizerType.REQUEST);
            assertThat(request.identitySource())
                    .containsExactly("method.request.header.X-User", "method.request.querystring.tenant");
            assertThat(request.resultTtlInSeconds()).isZero();
            assertThat(request.payloadFormatVersion()).isNull();
        }

        @Test
        void reads_a_cognito_authorizer_with_its_user_pools() {
            Authorizer cognito = api.authorizers().get("cognito");

            assertThat(cognito.type()).isEqualTo(AuthorizerType.COGNITO_USER_POOLS);
            assertThat(cognito.function()).isNull();
            assertThat(cognito.identitySource()).containsExactly("method.request.header.Authorization");
            assertThat(cognito.providerArns())
                    .containsExactly("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc");
            assertThat(cognito.resultTtlInSeconds()).isEqualTo(300);
        }

        @Test
        void only_schemes_with_an_authorizer_are_authorizers() {
            assertThat(api.authorizers()).containsOnlyKeys("token-authorizer", "request-authorizer", "cognito");
        }

        @Test
        void attaches_operation_security_with_its_scopes() {
            assertThat(method(api, "/token", HttpMethod.GET).security())
                    .containsExactly(new SecurityRequirement("token-authorizer", List.of("pets/read")));
        }

        @Test
        void requires_an_api_key_when_security_names_an_x_api_key_scheme() {
            Method request = method(api, "/request", HttpMethod.GET);

            assertThat(request.apiKeyRequired()).isTrue();
            assertThat(request.security()).extracting(SecurityRequirement::scheme)
                    .containsExactly("request-authorizer", "api_key");
            assertThat(method(api, "/token", HttpMethod.GET).apiKeyRequired()).isFalse();
        }

        @Test
        void reads_a_sigv4_scheme_as_iam_authorization() {
            assertThat(method(api, "/iam", HttpMethod.GET).authType()).isEqualTo("AWS_IAM");
        }

        @Test
        void reads_x_amazon_apigateway_auth_case_insensitively() {
            assertThat(method(api, "/open", HttpMethod.GET).authType()).isEqualTo("NONE");
        }
    }

    @Nested
    class RootExtensions {
        private final RestApi api = rest("rest/root-extensions.yaml");

        @Test
        void reads_gateway_responses_by_type() {
            assertThat(api.gatewayResponses()).containsOnly(
                    Map.entry(GatewayResponseType.DEFAULT_4XX, new GatewayResponse(null,
                            Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"),
                            Map.of("application/json", "{\"message\": $context.error.messageString}"))),
                    Map.entry(GatewayResponseType.INVALID_API_KEY, new GatewayResponse("429", Map.of(),
                            Map.of("application/json", "{\"message\": \"slow down\"}"))));
        }

        @Test
        void reads_binary_media_types_api_key_source_and_compression() {
            assertThat(api.binaryMediaTypes()).containsExactly("image/png", "application/octet-stream");
            assertThat(api.apiKeySource()).isEqualTo(ApiKeySource.AUTHORIZER);
            assertThat(api.minimumCompressionSize()).isEqualTo(1024);
        }

        @Test
        void keeps_the_policy_as_json_with_aws_variables_resolved() {
            assertThatJson(api.policy()).inPath("$.Statement[0].Resource")
                    .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:*/*");
        }
    }

    @Nested
    class OpenApi31 {
        private final RestApi api = rest("rest/oas31.yaml");

        @Test
        void keeps_json_schema_2020_type_lists_in_models() {
            assertThatJson(api.models().get("Pet").schemaJson()).inPath("$.type").isEqualTo("[\"object\", \"null\"]");
            assertThat(method(api, "/pets", HttpMethod.POST).requestModels()).containsOnly(Map.entry("application/json", "Pet"));
        }

        @Test
        void accepts_a_bare_function_arn_as_the_uri() {
            assertThat(function(method(api, "/pets", HttpMethod.POST)).functionName()).isEqualTo("CreatePet");
        }
    }

    @Nested
    class SamTemplate {
        private final RestApi api = rest("rest/sam-fn-sub.yaml");

        @Test
        void names_the_function_after_the_logical_id_in_fn_sub() {
            assertThat(function(method(api, "/pets", HttpMethod.GET)).functionName()).isEqualTo("ListPetsFunction");
        }

        @Test
        void reads_fn_sub_with_a_variable_map() {
            assertThat(function(method(api, "/pets", HttpMethod.POST)).functionName()).isEqualTo("CreatePetFunction");
        }

        @Test
        void reads_a_logical_id_reference_without_fn_sub() {
            assertThat(function(method(api, "/pets/{id}", HttpMethod.GET)).functionName()).isEqualTo("GetPetFunction");
        }
    }

    private static FunctionRef function(Method method) {
        assertThat(method.integration()).isInstanceOf(Integration.LambdaProxy.class);
        return ((Integration.LambdaProxy) method.integration()).function();
    }
}
