package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.lambda.remote.RemoteLambda;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.FailingHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.integration.FunctionLoader;
import dev.apigw.emulator.lambdaapi.LambdaServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway whose functions are remote, invoked with the AWS SDK v2 on a second apigw ({@code start-lambda}): the
 * request goes gateway → LambdaClient → second apigw's Invoke API → handler, and back.
 */
class RemoteFunctionAcceptanceTest {
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: remote-functions, version: "1"}
            paths:
              /echo:
                post:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Echo/invocations
              /failing:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Failing/invocations
              /missing:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Missing/invocations
              /slow:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    timeoutInMillis: 200
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Slow/invocations
            """;

    static final LambdaServer LAMBDA = LambdaServer.start(Map.of(
            "Echo", new FunctionDefinition.Instance(new EchoHandler(), null),
            "Failing", new FunctionDefinition.Instance(new FailingHandler(), null),
            "Slow", new FunctionDefinition.Instance(new SlowHandler(), Duration.ofSeconds(5))),
            new FunctionLoader(List.of()), "127.0.0.1", 0);

    static final GatewayServer GATEWAY = GatewayServer.start(GatewayConfig.builder()
            .spec(SpecSource.text("remote-functions.yaml", SPEC))
            .port(0)
            .function("Echo", new FunctionDefinition.Remote("Echo"))
            .function("Failing", new FunctionDefinition.Remote("arn:aws:lambda:us-east-1:000000000000:function:Failing"))
            .function("Missing", new FunctionDefinition.Remote("NoSuchFunction"))
            .function("Slow", new FunctionDefinition.Remote("Slow"))
            .remoteLambda(new RemoteLambda(LAMBDA.rootUri(), "us-east-1", "test", "test"))
            .build());

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        GATEWAY.close();
        LAMBDA.close();
    }

    @Test
    void the_remote_function_receives_the_proxy_event_and_its_answer_comes_back() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(GATEWAY.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("hello remote")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"httpMethod\":\"POST\"").contains("\"body\":\"hello remote\"");
        assertThat(LAMBDA.functions().invocations().of("Echo")).hasSize(1);
    }

    @Test
    void a_remote_function_error_is_api_gateways_502() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(GATEWAY.uri("/failing")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(GATEWAY.gateway().invocations("Failing")).singleElement()
                .satisfies(call -> assertThat(call.errorType()).isEqualTo("java.lang.IllegalStateException"));
    }

    @Test
    void a_function_lambda_cannot_find_is_api_gateways_500() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(GATEWAY.uri("/missing")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void the_integration_timeout_ends_the_remote_call_with_504() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(GATEWAY.uri("/slow")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    }
}
