package dev.apigw.importer;

import static dev.apigw.importer.Specs.importSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.apigw.model.ApiType;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketApiImportTest {

    private static final String LAMBDA = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:000000000000:function:";

    private final WebSocketApi api = chat();

    private static WebSocketApi chat() {
        ImportResult result = importSpec("websocket/chat.yaml");
        assertThat(result.problems()).isEmpty();
        assertThat(result.api()).isInstanceOf(WebSocketApi.class);
        return (WebSocketApi) result.orThrow();
    }

    private WebSocketRoute route(String key) {
        return api.route(key).orElseThrow(() -> new AssertionError("no route " + key + " in " + api.routes()));
    }

    @Test
    void reads_the_api_level_settings() {
        assertThat(api.title()).isEqualTo("chat");
        assertThat(api.type()).isEqualTo(ApiType.WEBSOCKET);
        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(api.apiKeySelectionExpression()).isEqualTo("$request.header.x-api-key");
    }

    @Test
    void keeps_the_routes_in_document_order() {
        assertThat(api.routes()).extracting(WebSocketRoute::routeKey)
                .containsExactly("$connect", "$disconnect", "$default", "sendMessage", "echo");
    }

    @Test
    void reads_lambda_proxy_integrations_with_post_and_the_websocket_timeout() {
        assertThat(route("$connect").integration()).asInstanceOf(type(Integration.LambdaProxy.class))
                .satisfies(proxy -> {
                    assertThat(proxy.function().functionName()).isEqualTo("Connect");
                    assertThat(proxy.function().written()).isEqualTo(LAMBDA + "Connect/invocations");
                    assertThat(proxy.payloadFormatVersion()).isEqualTo(PayloadFormatVersion.V1_0);
                    assertThat(proxy.options().httpMethod()).isEqualTo("POST");
                    assertThat(proxy.options().timeoutInMillis()).isEqualTo(29_000);
                });
        assertThat(route("$disconnect").integration()).asInstanceOf(type(Integration.LambdaProxy.class))
                .satisfies(proxy -> {
                    assertThat(proxy.function().functionName()).isEqualTo("Disconnect");
                    assertThat(proxy.options().timeoutInMillis()).isEqualTo(5_000);
                });
    }

    @Test
    void reads_a_mock_integration_with_its_templates() {
        assertThat(route("$default").integration()).asInstanceOf(type(Integration.Mock.class)).satisfies(mock -> {
            assertThat(mock.options().requestTemplates()).isEqualTo(Map.of("$default", "{\"statusCode\": 200}"));
            assertThat(mock.options().responses()).singleElement().satisfies(response -> {
                assertThat(response.selectionPattern()).isEqualTo("default");
                assertThat(response.statusCode()).isEqualTo("200");
                assertThat(response.responseTemplates()).isEqualTo(
                        Map.of("$default", "{\"message\": \"unknown action $input.path('$.action')\"}"));
            });
        });
    }

    @Test
    void reads_an_http_proxy_integration() {
        assertThat(route("sendMessage").integration()).asInstanceOf(type(Integration.HttpProxy.class))
                .satisfies(proxy -> {
                    assertThat(proxy.uri()).isEqualTo("https://chat.example.com/messages");
                    assertThat(proxy.httpMethod()).isEqualTo(HttpMethod.POST);
                });
    }

    @Test
    void reads_the_authorizer_of_connect_and_route_responses() {
        assertThat(route("$connect").authorizer()).isEqualTo("ConnectAuthorizer");
        assertThat(api.routes()).filteredOn(WebSocketRoute::twoWay).extracting(WebSocketRoute::routeKey)
                .containsExactly("$default", "echo");
        assertThat(route("$default").routeResponseSelectionExpression()).isEqualTo("$default");
        assertThat(api.authorizers()).containsOnlyKeys("ConnectAuthorizer");
        assertThat(api.authorizers().get("ConnectAuthorizer")).satisfies(authorizer -> {
            assertThat(authorizer.type()).isEqualTo(AuthorizerType.REQUEST);
            assertThat(authorizer.function().functionName()).isEqualTo("Authorize");
            assertThat(authorizer.identitySource())
                    .containsExactly("route.request.header.Authorization", "route.request.querystring.token");
            assertThat(authorizer.payloadFormatVersion()).isNull();
            assertThat(authorizer.resultTtlInSeconds()).isZero();
        });
    }

    @Test
    void the_api_type_argument_selects_websocket_too() {
        ImportResult result = importSpec("websocket/chat.yaml", ApiType.WEBSOCKET);

        assertThat(result.problems()).isEmpty();
        assertThat(result.orThrow()).isEqualTo(api);
    }

}
