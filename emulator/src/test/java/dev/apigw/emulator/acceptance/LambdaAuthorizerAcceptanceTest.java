package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A REST TOKEN authorizer over HTTP: AWS's 401/403 answers, and the principal reaching the function. */
class LambdaAuthorizerAcceptanceTest {
    static final LambdaFunction AUTH = (payload, options) -> {
        String event = new String(payload, StandardCharsets.UTF_8);
        String effect = event.contains("\"authorizationToken\":\"allow\"") ? "Allow"
                : event.contains("\"authorizationToken\":\"deny\"") ? "Deny" : null;
        if (effect == null) {
            return new InvocationResult.FunctionError("Error", "Unauthorized", List.of(),
                    "{\"errorMessage\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
        }
        return new InvocationResult.Success(("{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":\"*\"}]},"
                + "\"context\":{\"tier\":3,\"admin\":false}}").getBytes(StandardCharsets.UTF_8));
    };

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-authorizer.yaml")
            .withFunction("Auth", AUTH)
            .withFunction("Echo", new EchoHandler());

    private static HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/secret"));
        if (token != null) {
            request.header("Authorization", token);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void without_the_token_header_it_is_401_and_the_authorizer_is_not_called() throws Exception {
        HttpResponse<String> response = get(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        assertThat(gateway.invocations("Auth")).isEmpty();
    }

    @Test
    void an_allow_policy_lets_the_request_through_with_principal_and_context() throws Exception {
        HttpResponse<String> response = get("allow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("requestContext.authorizer.principalId").isEqualTo("alice");
        assertThatJson(response.body()).node("requestContext.authorizer.tier").isString().isEqualTo("3");
        assertThatJson(response.body()).node("requestContext.authorizer.admin").isString().isEqualTo("false");
    }

    @Test
    void an_explicit_deny_is_403_with_aws_capitalised_message() throws Exception {
        HttpResponse<String> response = get("deny");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void an_authorizer_answering_unauthorized_is_401() throws Exception {
        assertThat(get("nonsense").statusCode()).isEqualTo(401);
    }

    @Test
    void the_result_is_cached_for_the_same_token() throws Exception {
        get("allow");
        get("allow");

        assertThat(gateway.invocations("Auth")).hasSize(1);
    }
}
