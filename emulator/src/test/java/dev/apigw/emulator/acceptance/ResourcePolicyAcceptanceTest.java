package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A resource policy denying loopback callers one method: AWS's 403 with the masked method ARN. */
class ResourcePolicyAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-policy.yaml");

    private static HttpResponse<String> get(String path) throws Exception {
        return gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_explicit_deny_for_the_source_ip_is_403() throws Exception {
        HttpResponse<String> response = get("/blocked");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"Message\":\"User: anonymous is not authorized to perform: "
                + "execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:")
                .endsWith("/dev/GET/blocked with an explicit deny\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    }

    @Test
    void methods_the_policy_allows_are_served() throws Exception {
        assertThat(get("/open").statusCode()).isEqualTo(200);
    }
}
