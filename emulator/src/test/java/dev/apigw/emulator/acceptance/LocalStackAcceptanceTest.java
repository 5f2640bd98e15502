package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.lambda.remote.RemoteLambda;
import dev.apigw.emulator.SpecSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * An API whose function runs on LocalStack's Lambda: a tiny Python function is deployed from a zip built here, and
 * the gateway invokes it with the AWS SDK v2. Needs Docker; skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackAcceptanceTest {
    private static final String FUNCTION = "hello-localstack";
    private static final String HANDLER_SOURCE = """
            import json

            def handler(event, context):
                body = json.dumps({"path": event.get("path"), "from": "localstack"})
                return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": body}
            """;
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: localstack, version: "1"}
            paths:
              /hello:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Hello/invocations
            """;

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4.4.0")
            .withServices("lambda");

    static GatewayServer gateway;

    @BeforeAll
    static void deployFunctionAndStartGateway() throws IOException {
        SdkBytes code = SdkBytes.fromByteArray(zip("index.py", HANDLER_SOURCE));
        try (LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            lambda.createFunction(r -> r.functionName(FUNCTION)
                    .runtime(Runtime.PYTHON3_12)
                    .handler("index.handler")
                    .role("arn:aws:iam::000000000000:role/lambda-role")
                    .code(c -> c.zipFile(code)));
            // LocalStack creates the function asynchronously, as AWS does: wait until it is Active.
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(FUNCTION));
        }
        gateway = GatewayServer.start(GatewayConfig.builder()
                .spec(SpecSource.text("localstack.yaml", SPEC))
                .port(0)
                .function("Hello", new FunctionDefinition.Remote(FUNCTION))
                .remoteLambda(new RemoteLambda(LOCALSTACK.getEndpoint(), LOCALSTACK.getRegion(),
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()))
                .build());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void the_api_answers_with_what_the_localstack_function_returned() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gateway.uri("/hello")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"path\": \"/hello\", \"from\": \"localstack\"}");
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
