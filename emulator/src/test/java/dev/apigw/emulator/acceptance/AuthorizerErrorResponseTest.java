package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An authorizer configuration error's message is null on AWS ({@code {"message":null}}): a customised gateway
 * response keeps it null, as JSON null in {@code $context.error.messageString} and empty in
 * {@code $context.error.message}, never the text "null".
 */
class AuthorizerErrorResponseTest {
    /** An authorizer whose function fails with an error other than "Unauthorized". */
    static final LambdaFunction BROKEN = (payload, options) -> new InvocationResult.FunctionError(
            "java.lang.IllegalStateException", "the authorizer broke", List.of(),
            "{\"errorMessage\":\"the authorizer broke\"}".getBytes(StandardCharsets.UTF_8));

    static HttpResponse<String> get(ApiGatewayExtension gateway) throws Exception {
        return gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/secret")).header("Authorization", "x")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class StatusOnly {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-authorizer-error-status.yaml")
                .withFunction("Auth", BROKEN).withFunction("Echo", new EchoHandler());

        @Test
        void the_default_template_renders_a_null_message() throws Exception {
            HttpResponse<String> response = get(gateway);

            assertThat(response.statusCode()).isEqualTo(599);
            assertThat(response.body()).isEqualTo("{\"message\":null}");
        }
    }

    @Nested
    class OwnTemplate {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-authorizer-error-template.yaml")
                .withFunction("Auth", BROKEN).withFunction("Echo", new EchoHandler());

        @Test
        void message_string_is_json_null_and_message_is_empty() throws Exception {
            HttpResponse<String> response = get(gateway);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"ace\": null, \"m\": \"\"}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
        }
    }
}
