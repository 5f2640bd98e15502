package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP API parameter mapping on an HTTP proxy integration, against a real backend on loopback. */
class HttpApiMappingAcceptanceTest {
    static final TestBackend BACKEND = TestBackend.start();

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-api-mapping.yaml")
            .withStageVariable("backend", BACKEND.url());

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @Test
    void request_mapping_rewrites_path_query_and_headers_and_response_mapping_the_status() throws Exception {
        HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/items/7?x=1"))
                .header("x-client", "mobile").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(BACKEND.received).last().satisfies(received -> {
            assertThat(received.uri()).isEqualTo("/v2/items/7?x=1&source=apigw");
            assertThat(received.header()).isEqualTo("mobile");
        });
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Mapped")).isEqualTo(response.headers().firstValue("apigw-requestid"));
    }
}
