package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP API CORS over HTTP: API Gateway answers preflights itself and adds CORS headers to responses. */
class HttpApiCorsAcceptanceTest {
    static final LambdaFunction ITEMS = (payload, options) -> new InvocationResult.Success(
            "{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"https://evil.example\"},\"body\":\"[]\"}"
                    .getBytes());

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-api-cors.yaml")
            .withFunction("Items", ITEMS);

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void preflight_without_an_options_route_is_answered_by_the_gateway() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/items"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(gateway.invocations("Items")).isEmpty();
    }

    @Test
    void actual_responses_get_the_configured_headers_and_backend_cors_headers_are_ignored() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/items"))
                .header("Origin", "https://app.example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("https://app.example.com");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("x-request-id");
    }

    @Test
    void gateway_errors_carry_cors_headers_too() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/nothing"))
                .header("Origin", "https://app.example.com"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
    }

    @Test
    void an_origin_not_allowed_gets_no_cors_headers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/items"))
                .header("Origin", "https://other.example"));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
