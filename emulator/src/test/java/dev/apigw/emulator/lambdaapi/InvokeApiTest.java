package dev.apigw.emulator.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.handlers.FailingHandler;
import dev.apigw.emulator.handlers.RawEchoHandler;
import dev.apigw.emulator.integration.FunctionLoader;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.TooManyRequestsException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;

/** The Invoke API of {@code apigw start-lambda}, driven by the AWS SDK v2 {@code LambdaClient} over loopback. */
class InvokeApiTest {
    static final BlockingQueue<String> EVENTS = new ArrayBlockingQueue<>(10);

    static final LambdaServer SERVER = LambdaServer.start(Map.of(
            "Echo", new FunctionDefinition.Instance(new RawEchoHandler(), null),
            "Failing", new FunctionDefinition.Instance(new FailingHandler(), null),
            "Queued", new FunctionDefinition.Instance((LambdaFunction) (payload, options) -> {
                EVENTS.add(new String(payload, StandardCharsets.UTF_8));
                return new InvocationResult.Success(payload);
            }, null),
            "Untouched", new FunctionDefinition.Instance(new RawEchoHandler(), null),
            "Throttled", new FunctionDefinition.Instance((LambdaFunction) (payload, options) -> {
                throw new TooManyRequestsException("Rate Exceeded.");
            }, null)), new FunctionLoader(List.of()), "127.0.0.1", 0);

    static final LambdaClient LAMBDA = LocalLambdaClient.at(SERVER.rootUri());

    @AfterAll
    static void stop() {
        LAMBDA.close();
        SERVER.close();
    }

    @Test
    void request_response_returns_the_payload_with_the_executed_version() {
        InvokeResponse response = LAMBDA.invoke(r -> r.functionName("Echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"a\":1}");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.functionError()).isNull();
        assertThat(response.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void a_function_may_be_named_by_partial_or_full_arn_and_latest_qualifier() {
        for (String name : List.of("000000000000:function:Echo", "arn:aws:lambda:us-east-1:000000000000:function:Echo",
                "Echo:$LATEST")) {
            InvokeResponse response = LAMBDA.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String("1")));
            assertThat(response.payload().asUtf8String()).as(name).isEqualTo("1");
        }
    }

    @Test
    void event_answers_202_at_once_and_runs_the_function_afterwards() throws Exception {
        InvokeResponse response = LAMBDA.invoke(r -> r.functionName("Queued").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"queued\":true}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        assertThat(EVENTS.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"queued\":true}");
    }

    @Test
    void dry_run_answers_204_without_running_the_function() {
        InvokeResponse response = LAMBDA.invoke(r -> r.functionName("Untouched")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(SERVER.functions().invocations().of("Untouched")).isEmpty();
    }

    @Test
    void a_function_error_is_200_with_x_amz_function_error_and_the_error_document() {
        InvokeResponse response = LAMBDA.invoke(r -> r.functionName("Failing").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .startsWith("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"");
    }

    @Test
    void log_type_tail_answers_with_the_invocations_log_lines_base64() {
        InvokeResponse response = LAMBDA.invoke(r -> r.functionName("Echo").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        String requestId = response.responseMetadata().requestId();
        assertThat(log.lines().toList()).hasSizeGreaterThanOrEqualTo(3).first().asString()
                .isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
        assertThat(log).contains("END RequestId: " + requestId).contains("REPORT RequestId: " + requestId);
        assertThat(log.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(LogTail.LIMIT_BYTES);
    }

    @Test
    void an_unknown_function_is_404_resource_not_found_with_its_arn() {
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Missing").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:Missing");
                });
    }

    @Test
    void a_qualifier_other_than_latest_is_404() {
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Echo").qualifier("1")
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:Echo:1"));
    }

    @Test
    void a_payload_that_is_not_json_is_400_invalid_request_content() {
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Echo").payload(SdkBytes.fromUtf8String("{nope"))))
                .isInstanceOfSatisfying(InvalidRequestContentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("Could not parse request body into json: Could not parse payload into json: ");
                });
    }

    @Test
    void a_payload_over_6_mb_is_413() {
        byte[] payload = new byte[LambdaApiError.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(payload, (byte) ' ');
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Echo").payload(SdkBytes.fromByteArray(payload))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
                });
    }

    @Test
    void an_event_payload_over_1_mb_is_413_and_does_not_run() {
        byte[] payload = new byte[LambdaApiError.MAX_EVENT_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(payload, (byte) ' ');
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Untouched").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(payload))))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1048577 byte payload is too large for"
                            + " the Event invocation type (limit 1048576 bytes)");
                });
        assertThat(SERVER.functions().invocations().of("Untouched")).isEmpty();
    }

    @Test
    void event_invocations_beyond_the_thread_bound_wait_in_the_queue() throws Exception {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int events = InvokeApi.MAX_EVENT_THREADS + 4;
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(events);
        LambdaFunction blocking = (payload, options) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            finished.countDown();
            return new InvocationResult.Success(payload);
        };
        try (LambdaServer server = LambdaServer.start(Map.of("Blocking", new FunctionDefinition.Instance(blocking,
                null)), new FunctionLoader(List.of()), "127.0.0.1", 0);
                LambdaClient lambda = LambdaClient.builder().endpointOverride(server.rootUri())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (int i = 0; i < events; i++) {
                assertThat(lambda.invoke(r -> r.functionName("Blocking").invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String("{}"))).statusCode()).isEqualTo(202);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (running.get() < InvokeApi.MAX_EVENT_THREADS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // time for any thread beyond the bound to start
            assertThat(mostAtOnce.get()).isEqualTo(InvokeApi.MAX_EVENT_THREADS);

            release.countDown();
            assertThat(finished.await(30, TimeUnit.SECONDS)).as("queued events run afterwards").isTrue();
        }
    }

    @Test
    void a_throttled_function_is_429_too_many_requests() {
        assertThatThrownBy(() -> LAMBDA.invoke(r -> r.functionName("Throttled").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.reason()).isEqualTo(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                });
    }

    @Test
    void error_bodies_are_lambdas_json_with_the_error_type_header() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(SERVER.rootUri() + "/2015-03-31/functions/Missing/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).isEqualTo("{\"Message\":\"Function not found: "
                + "arn:aws:lambda:us-east-1:000000000000:function:Missing\",\"Type\":\"User\"}");
    }
}
