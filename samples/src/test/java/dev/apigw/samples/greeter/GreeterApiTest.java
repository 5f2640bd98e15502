package dev.apigw.samples.greeter;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The greeter HTTP API (payload 2.0) served at the $default stage. */
class GreeterApiTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("greeter/openapi.yaml")
            .withFunction("Greet", new GreetHandler())
            .withFunction("Echo", new EchoHandler());

    @Test
    void greets_by_name_and_sets_a_cookie() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/hello/Ada")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("last-greeted=Ada; Path=/");
    }

    @Test
    void default_route_result_without_status_code_is_inferred_as_200_json() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/anything/else?x=1")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThatJson(response.body()).isEqualTo(
                "{\"routeKey\":\"$default\",\"rawPath\":\"/anything/else\",\"rawQueryString\":\"x=1\"}");
    }
}
