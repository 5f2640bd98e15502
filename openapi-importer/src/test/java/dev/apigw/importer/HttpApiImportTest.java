package dev.apigw.importer;

import static dev.apigw.importer.Specs.http;
import static dev.apigw.importer.Specs.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.Cors;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.JwtConfiguration;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import dev.apigw.model.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpApiImportTest {

    @Nested
    class DefaultRoute {
        private final HttpApi api = http("http/default-route.yaml");

        @Test
        void reads_the_default_path_with_any_method_as_the_default_route() {
            assertThat(api.routes()).extracting(route -> route.key().toString()).containsExactly("GET /pets/{id}", "$default");
            assertThat(route(api, "$default").key()).isEqualTo(RouteKey.defaultRoute());
        }

        @Test
        void reads_the_payload_format_version_of_each_lambda_integration() {
            assertThat(route(api, "$default").integration()).asInstanceOf(type(Integration.LambdaProxy.class))
                    .satisfies(proxy -> {
                        assertThat(proxy.function().functionName()).isEqualTo("Everything");
                        assertThat(proxy.payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V2_0);
                        assertThat(proxy.options().timeoutInMillis()).isEqualTo(30_000);
                    });
            assertThat(route(api, "GET /pets/{id}").integration()).asInstanceOf(type(Integration.LambdaProxy.class))
                    .extracting(Integration.LambdaProxy::payloadFormatVersion).isEqualTo(PayloadFormatVersion.V1_0);
            assertThat(route(api, "GET /pets/{id}").operationId()).isEqualTo("getPet");
        }
    }

    @Nested
    class CorsAndAuthorizers {
        private final HttpApi api = http("http/cors-and-authorizers.yaml");

        @Test
        void reads_the_cors_configuration() {
            assertThat(api.cors()).isEqualTo(new Cors(List.of("https://www.example.com"), List.of("GET", "POST"),
                    List.of("authorization"), List.of("x-request-id"), 600, true));
        }

        @Test
        void reads_a_jwt_authorizer_reading_the_authorization_header_by_default() {
            Authorizer jwt = api.authorizers().get("jwt");

            assertThat(jwt.type()).isEqualTo(AuthorizerType.JWT);
            assertThat(jwt.jwtConfiguration()).isEqualTo(new JwtConfiguration(
                    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc", List.of("client-1", "client-2")));
            assertThat(jwt.identitySource()).containsExactly("$request.header.Authorization");
        }

        @Test
        void reads_a_lambda_request_authorizer_with_simple_responses() {
            Authorizer lambda = api.authorizers().get("lambda");

            assertThat(lambda.type()).isEqualTo(AuthorizerType.REQUEST);
            assertThat(lambda.function().functionName()).isEqualTo("Authorizer");
            assertThat(lambda.identitySource())
                    .containsExactly("$request.header.Authorization", "$request.querystring.tenant");
            assertThat(lambda.payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V2_0);
            assertThat(lambda.enableSimpleResponses()).isTrue();
        }

        @Test
        void reads_the_ttl_and_without_one_does_not_cache_as_on_aws() {
            assertThat(api.authorizers().get("lambda").resultTtlInSeconds()).isEqualTo(300);
            assertThat(api.authorizers().get("jwt").resultTtlInSeconds()).isZero();
        }

        @Test
        void attaches_security_with_scopes_and_iam_auth_to_routes() {
            assertThat(route(api, "GET /me").security())
                    .containsExactly(new SecurityRequirement("jwt", List.of("profile", "email")));
            assertThat(route(api, "GET /internal").authType()).isEqualTo("AWS_IAM");
        }
    }

    @Nested
    class ReusableIntegrations {
        private final HttpApi api = http("http/reusable-integrations.yaml");

        @Test
        void resolves_refs_to_components_x_amazon_apigateway_integrations() {
            Route list = route(api, "GET /pets");

            assertThat(list.integration()).isEqualTo(route(api, "POST /pets").integration());
            assertThat(list.integration()).asInstanceOf(type(Integration.HttpProxy.class)).satisfies(proxy -> {
                assertThat(proxy.uri()).isEqualTo("https://pets.example.com/pets");
                assertThat(proxy.httpMethod()).as("default for HTTP APIs").isEqualTo(HttpMethod.ANY);
            });
        }

        @Test
        void reads_the_parameter_mappings_and_tls_config() {
            IntegrationOptions options = route(api, "GET /pets").integration().options();

            assertThat(options.requestParameters())
                    .containsOnly(Map.entry("append:header.x-source", "apigw"), Map.entry("overwrite:path", "/v2/pets"));
            assertThat(options.httpResponseParameters()).containsOnly(
                    Map.entry("404", Map.of("overwrite:statuscode", "204")),
                    Map.entry("200", Map.of("append:header.x-cache", "hit")));
            assertThat(options.timeoutInMillis()).isEqualTo(10_000);
            assertThat(options.insecureSkipVerification()).isTrue();
        }

        @Test
        void keeps_an_explicit_http_method() {
            assertThat(route(api, "GET /status").integration()).asInstanceOf(type(Integration.HttpProxy.class))
                    .extracting(Integration.HttpProxy::httpMethod).isEqualTo(HttpMethod.GET);
        }
    }
}
