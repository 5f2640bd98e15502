package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import dev.apigw.emulator.lambdaapi.LocalLambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The Lambda Invoke API on the API's own port ({@code apigw start}) answers as Lambda does, its 404s included: the
 * API's "no route" answer must not replace Lambda's {@code ResourceNotFoundException}.
 */
class InvokeApiOnApiPortTest {
    static final GatewayServer SERVER = GatewayServer.start(GatewayConfig.builder()
            .spec(TestSpecs.spec("stages.yaml")).port(0).stageVariable("helloFunction", "Hello")
            .function("Hello", new FunctionDefinition.Instance(new EchoHandler(), null)).build());

    static final LambdaClient LAMBDA = LocalLambdaClient.at(SERVER.rootUri());

    @AfterAll
    static void stop() {
        LAMBDA.close();
        SERVER.close();
    }

    @Test
    void an_unknown_function_is_lambdas_404_not_the_apis_403() throws Exception {
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Missing").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:Missing");
                });
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SERVER.rootUri() + "/2015-03-31/functions/Missing/invocations"))
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(raw.headers().allValues("x-amzn-ErrorType")).containsExactly("ResourceNotFoundException");
        assertThat(raw.headers().allValues("x-amzn-RequestId")).hasSize(1);
    }

    @Test
    void a_qualifier_other_than_latest_is_404_and_a_known_function_answers() throws Exception {
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Hello").qualifier("prod")
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(LAMBDA.invoke(r -> r.functionName("Hello").payload(SdkBytes.fromUtf8String("{}"))).statusCode())
                .isEqualTo(200);
        // A route the API does not have still gets the API's answer.
        HttpResponse<String> miss = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SERVER.rootUri() + "/dev/nowhere")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(miss.statusCode()).isEqualTo(403);
    }
}
