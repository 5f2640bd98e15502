package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** REST request validators over HTTP: invalid requests never reach the function. */
class RequestValidationAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-validation.yaml")
            .withFunction("Pets", (dev.apigw.lambda.LambdaFunction) (payload, options) ->
                    new InvocationResult.Success("{\"statusCode\":201,\"body\":\"created\"}".getBytes()));

    private static HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(pathAndQuery))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void missing_required_parameters_are_listed_in_aws_order() throws Exception {
        HttpResponse<String> response = post("/pets?dryRun=", "{\"name\":\"Rex\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\": \"Missing required request parameters: [x-tenant, dryRun]\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(gateway.invocations("Pets")).isEmpty();
    }

    @Test
    void a_body_that_breaks_the_model_is_invalid_and_the_detail_reaches_the_gateway_response() throws Exception {
        HttpResponse<String> response = post("/pets?dryRun=no", "{\"age\":\"old\"}", "x-tenant", "t1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"message\": \"Invalid request body\", \"detail\": \"[")
                .contains("name");
        assertThat(gateway.invocations("Pets")).isEmpty();
    }

    @Test
    void a_valid_request_reaches_the_function() throws Exception {
        HttpResponse<String> response = post("/pets?dryRun=no", "{\"name\":\"Rex\",\"age\":3}", "x-tenant", "t1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(gateway.invocations("Pets")).hasSize(1);
    }
}
