package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.AdminEndpoints;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.Test;

/** {@code --admin-port} moves apigw's own endpoints off the API's port; {@code --no-admin} turns them off. */
class AdminEndpointsTest {
    /** An HTTP API whose route lives where the admin prefix would be: legal once the prefix is not reserved. */
    private static final String ROUTE_UNDER_PREFIX = """
            openapi: 3.0.1
            info: {title: admin-test, version: "1"}
            paths:
              /_apigw/health:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Echo/invocations
            """;

    private final HttpClient client = HttpClient.newHttpClient();

    private static GatewayConfig.Builder api(AdminEndpoints admin) {
        return GatewayConfig.builder().spec(SpecSource.text("admin.yaml", ROUTE_UNDER_PREFIX)).apiType(ApiType.HTTP)
                .port(0).function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null))
                .adminEndpoints(admin);
    }

    @Test
    void on_their_own_port_the_admin_endpoints_answer_there_and_the_api_keeps_its_paths() throws Exception {
        try (GatewayServer server = GatewayServer.start(api(AdminEndpoints.onPort(0)).build())) {
            URI admin = server.adminRootUri().orElseThrow();

            assertThat(admin.getPort()).isNotEqualTo(server.port());
            assertThat(get(URI.create(admin + "/_apigw/health")).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(URI.create(admin + "/_apigw/metrics")).statusCode()).isEqualTo(200);
            assertThat(get(server.dashboardUri()).body()).contains("<html");
            assertThat(server.dashboardUri()).hasToString(admin + "/_apigw/");
            // The API's route at the same path runs the API's function on the API's port.
            assertThat(get(server.uri("/_apigw/health")).body()).contains("\"rawPath\":\"/_apigw/health\"");
            // The admin port serves nothing of the API.
            assertThat(get(URI.create(admin + "/anything")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void on_their_own_port_the_lambda_invoke_api_moves_with_them() throws Exception {
        try (GatewayServer server = GatewayServer.start(api(AdminEndpoints.onPort(0)).build())) {
            URI admin = server.adminRootUri().orElseThrow();

            HttpResponse<String> invoked = invoke(URI.create(admin + "/2015-03-31/functions/Echo/invocations"));
            HttpResponse<String> onApiPort = invoke(server.uri("/2015-03-31/functions/Echo/invocations"));

            assertThat(invoked.statusCode()).isEqualTo(200);
            assertThat(invoked.body()).contains("\"statusCode\":200");
            // On the API's port the path is the API's: an HTTP API without such a route answers 404 Not Found.
            assertThat(onApiPort.statusCode()).isEqualTo(404);
            assertThat(onApiPort.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Test
    void turned_off_nothing_of_apigw_is_served_and_the_prefix_belongs_to_the_api() throws Exception {
        try (GatewayServer server = GatewayServer.start(api(AdminEndpoints.off()).build())) {
            assertThat(server.adminRootUri()).isEmpty();
            assertThat(get(server.uri("/_apigw/health")).body()).contains("\"rawPath\":\"/_apigw/health\"");
            assertThat(get(server.uri("/_apigw/metrics")).body()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThat(get(server.uri("/_apigw/journal")).body()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThat(get(server.uri("/_apigw/")).body()).isEqualTo("{\"message\":\"Not Found\"}");
            assertThat(invoke(server.uri("/2015-03-31/functions/Echo/invocations")).body())
                    .isEqualTo("{\"message\":\"Not Found\"}");
        }
    }

    @Test
    void turned_off_the_websocket_connections_api_stays_with_the_api_as_on_aws() throws Exception {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("ws-chat.yaml")).port(0)
                .function("Connect", new FunctionDefinition.Instance(new WebSocketHandlers.Connect(), null))
                .function("Disconnect", new FunctionDefinition.Instance(new WebSocketHandlers.Disconnect(), null))
                .function("Echo", new FunctionDefinition.Instance(new WebSocketHandlers.Echo(), null))
                .function("Push", new FunctionDefinition.Instance(new WebSocketHandlers.Push(), null))
                .adminEndpoints(AdminEndpoints.off()).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            HttpResponse<String> gone = get(server.uri("/@connections/bm9uZQ%3D%3D"));

            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> invoke(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
