package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.junit.ApiGatewayExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mapping templates that would hang a request thread or fill the heap (nested loops, string doubling, a range of a
 * hundred million, #evaluate recursion) are answered over HTTP as AWS answers a failing template, a 500 with
 * {@code {"message": "Internal server error"}}, and the gateway goes on serving.
 */
class TemplateBoundsAcceptanceTest {
    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/template-bounds.yaml");

    private static HttpResponse<String> get(String path) throws Exception {
        return gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nested-loops", "/doubling", "/range", "/evaluate"})
    void a_template_over_its_bounds_is_a_500_and_the_gateway_goes_on(String path) throws Exception {
        HttpResponse<String> failed = get(path);
        HttpResponse<String> next = get("/ok");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"iterations\": 1000000}");
    }

    @Test
    void two_nested_loops_of_a_thousand_still_render() throws Exception {
        assertThat(get("/ok").body()).isEqualTo("{\"iterations\": 1000000}");
    }
}
