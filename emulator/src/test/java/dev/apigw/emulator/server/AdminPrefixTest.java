package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.SpecSource;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.Test;

/** apigw's own endpoints live under one prefix that no API route may use, and {@code --admin-prefix} moves it. */
class AdminPrefixTest {
    /** An HTTP API on the $default stage, so its routes are served at the root, where the prefix lives. */
    private static final String RESERVED_ROUTE_SPEC = """
            openapi: 3.0.1
            info: {title: reserved, version: "1"}
            paths:
              /_apigw/status:
                get:
                  x-amazon-apigateway-integration:
                    {type: http_proxy, httpMethod: GET, uri: "http://127.0.0.1:9/", payloadFormatVersion: "1.0"}
            """;
    private static final String MOCK_RESPONSE_SPEC = """
            openapi: 3.0.1
            info: {title: reserved, version: "1"}
            paths:
              /_apigw/status:
                get:
                  responses: {"200": {description: ok}}
                  x-amazon-apigateway-integration:
                    type: mock
                    requestTemplates: {application/json: '{"statusCode": 200}'}
                    responses: {default: {statusCode: "200", responseTemplates: {application/json: '{"api":"yes"}'}}}
            """;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void an_http_api_route_under_the_prefix_stops_startup_naming_the_option() {
        GatewayConfig config = GatewayConfig.builder().spec(SpecSource.text("reserved.yaml", RESERVED_ROUTE_SPEC))
                .apiType(ApiType.HTTP).port(0).build();

        assertThatThrownBy(() -> GatewayServer.start(config)).isInstanceOf(GatewayStartupException.class)
                .hasMessageContaining("the route GET /_apigw/status is served at /_apigw/status")
                .hasMessageContaining("--admin-prefix");
    }

    @Test
    void a_rest_stage_named_like_the_prefix_stops_startup() {
        GatewayConfig config = GatewayConfig.builder().spec(SpecSource.text("reserved.yaml", MOCK_RESPONSE_SPEC))
                .stage("_apigw").port(0).build();

        assertThatThrownBy(() -> GatewayServer.start(config)).isInstanceOf(GatewayStartupException.class)
                .hasMessageContaining("the stage _apigw").hasMessageContaining("--admin-prefix");
    }

    @Test
    void a_rest_route_named_like_the_prefix_is_fine_under_its_stage() throws Exception {
        GatewayConfig config = GatewayConfig.builder().spec(SpecSource.text("reserved.yaml", MOCK_RESPONSE_SPEC))
                .port(0).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            assertThat(get(server.uri("/_apigw/status")).body()).isEqualTo("{\"api\":\"yes\"}");
            assertThat(get(URI.create(server.rootUri() + "/_apigw/health")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_moved_prefix_serves_apigw_there_and_leaves_the_old_one_to_the_api() throws Exception {
        GatewayConfig config = GatewayConfig.builder().spec(SpecSource.text("reserved.yaml", RESERVED_ROUTE_SPEC))
                .apiType(ApiType.HTTP).adminPrefix("/_local/admin").port(0).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            String root = server.rootUri().toString();

            assertThat(get(URI.create(root + "/_local/admin/health")).statusCode()).isEqualTo(200);
            assertThat(get(URI.create(root + "/_local/admin/metrics")).statusCode()).isEqualTo(200);
            assertThat(get(URI.create(root + "/_local/admin/issuer/.well-known/jwks.json")).statusCode())
                    .isEqualTo(200);
            assertThat(get(URI.create(root + "/_local/admin/nothing-here")).statusCode()).isEqualTo(404);
            assertThat(server.dashboardUri()).hasToString(root + "/_local/admin/");
            assertThat(server.gateway().localIssuer().path()).isEqualTo("/_local/admin/issuer");
            // The old prefix is the API's now: its route is called (its backend is down: the API's 500), and other
            // paths get the API's own 404.
            assertThat(get(URI.create(root + "/_apigw/status")).body())
                    .isEqualTo("{\"message\":\"Internal Server Error\"}");
            assertThat(get(URI.create(root + "/_apigw/health")).body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Test
    void a_prefix_that_is_not_a_path_is_refused_with_the_expected_form() {
        assertThatThrownBy(() -> GatewayConfig.builder().spec(SpecSource.text("reserved.yaml", MOCK_RESPONSE_SPEC))
                .adminPrefix("/_local/").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as /_apigw or /_local/admin");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
