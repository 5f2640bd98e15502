package dev.apigw.lambda.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.TooManyRequestsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * A function invoked through the Lambda Invoke API with the AWS SDK v2 {@code LambdaClient}: on LocalStack, on AWS,
 * or on another apigw ({@code apigw start-lambda}). The Invoke answer maps as API Gateway sees it:
 * <ul>
 *   <li>{@code X-Amz-Function-Error} → {@link InvocationResult.FunctionError}, with {@code errorType},
 *       {@code errorMessage} and {@code stackTrace} read from the error document — API Gateway's 502 for REST.</li>
 *   <li>429 TooManyRequestsException → {@link TooManyRequestsException}, the integrations' throttled answer.</li>
 *   <li>Any other refusal (function not found, no permission, Lambda's own 5xx) or an unreachable endpoint →
 *       {@link InvokeFailedException}, which the gateway answers with 500 "Internal server error": what API
 *       Gateway answers when it cannot invoke the function at all ("Execution failed due to configuration error"),
 *       as opposed to the 502 of a function that ran and failed.</li>
 *   <li>The caller's deadline (the integration timeout) becomes the SDK's {@code apiCallTimeout}; when it passes,
 *       {@link DeadlineExceededException}.</li>
 * </ul>
 * The SDK's retries are off: API Gateway invokes once and answers with what it got.
 */
public final class SdkLambdaFunction implements LambdaFunction, AutoCloseable {
    /** Longer than Lambda's longest timeout (15 minutes), so that only apiCallTimeout or the function ends a call. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(16);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String functionName;
    private final LambdaClient client;

    private SdkLambdaFunction(String name, String functionName, LambdaClient client) {
        this.name = name;
        this.functionName = functionName;
        this.client = client;
    }

    /**
     * @param name the function's name in the API
     * @param functionName the name or ARN Lambda knows it by
     */
    public static SdkLambdaFunction create(String name, String functionName, RemoteLambda remote) {
        LambdaClientBuilder builder = LambdaClient.builder()
                .region(Region.of(remote.region()))
                .credentialsProvider(credentials(remote))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (remote.endpoint() != null) {
            builder.endpointOverride(remote.endpoint());
        }
        return new SdkLambdaFunction(name, functionName, builder.build());
    }

    private static AwsCredentialsProvider credentials(RemoteLambda remote) {
        if (remote.accessKeyId() != null && remote.secretAccessKey() != null) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(remote.accessKeyId(), remote.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public InvocationResult invoke(byte[] payload, InvocationOptions options) {
        Duration deadline = options.deadline();
        InvokeRequest.Builder request = InvokeRequest.builder()
                .functionName(functionName)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromByteArray(payload));
        if (deadline != null) {
            request.overrideConfiguration(o -> o.apiCallTimeout(deadline));
        }
        InvokeResponse response;
        try {
            response = client.invoke(request.build());
        } catch (ApiCallTimeoutException e) {
            throw new DeadlineExceededException(name, deadline == null ? Duration.ZERO : deadline);
        } catch (software.amazon.awssdk.services.lambda.model.TooManyRequestsException e) {
            throw new TooManyRequestsException(e.awsErrorDetails() == null
                    ? "Rate Exceeded." : e.awsErrorDetails().errorMessage());
        } catch (LambdaException e) {
            throw new InvokeFailedException("Lambda refused to invoke " + functionName + " for function " + name
                    + " (" + e.statusCode() + " " + errorCode(e) + ": " + errorMessage(e) + "); check that the"
                    + " function exists at the Lambda endpoint and the credentials may invoke it", e);
        } catch (SdkException e) {
            throw new InvokeFailedException("could not invoke " + functionName + " for function " + name + ": "
                    + e.getMessage() + "; check --lambda-endpoint and that the endpoint is running", e);
        }
        byte[] body = response.payload() == null ? new byte[0] : response.payload().asByteArray();
        return response.functionError() == null
                ? new InvocationResult.Success(body)
                : functionError(response.functionError(), body);
    }

    /**
     * The error document as the runtimes write it: {@code {"errorMessage":…,"errorType":…,"stackTrace":[…]}}
     * (Python and Java give the stack trace as strings; Node.js calls it {@code trace}). A document without them
     * keeps Lambda's header value as its type and its text as its message.
     */
    static InvocationResult.FunctionError functionError(String functionErrorHeader, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (IOException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            return new InvocationResult.FunctionError(functionErrorHeader, text, List.of(), body);
        }
        String type = document.path("errorType").asText(functionErrorHeader);
        String message = document.path("errorMessage").asText(text);
        JsonNode frames = document.has("stackTrace") ? document.get("stackTrace") : document.path("trace");
        List<String> stackTrace = new ArrayList<>();
        if (frames.isArray()) {
            frames.forEach(frame -> stackTrace.add(frame.isTextual() ? frame.asText() : frame.toString()));
        }
        return new InvocationResult.FunctionError(type, message, stackTrace, body);
    }

    private static String errorCode(LambdaException e) {
        return e.awsErrorDetails() == null ? "error" : String.valueOf(e.awsErrorDetails().errorCode());
    }

    private static @Nullable String errorMessage(LambdaException e) {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "SdkLambdaFunction[" + name + " → " + functionName + "]";
    }

    /** Lambda did not run the function: it refused the Invoke, or could not be reached. Not a function error. */
    public static final class InvokeFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvokeFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
