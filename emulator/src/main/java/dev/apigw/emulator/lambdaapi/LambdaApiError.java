package dev.apigw.emulator.lambdaapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An error answer of the Invoke API, as Lambda writes it: the status, {@code x-amzn-ErrorType} naming the exception
 * (which the AWS SDKs map to their exception classes) and a JSON body with {@code "Type":"User"}.
 *
 * @param messageKey {@code message} for most errors; Lambda writes {@code Message} for ResourceNotFoundException
 * @param reason the throttling reason of a TooManyRequestsException, else null
 */
public record LambdaApiError(int status, String errorType, String messageKey, String message,
        @Nullable String reason) {

    /** The Invoke request body quota for synchronous invocations: 6 MB [D Lambda quotas]. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    /**
     * The Invoke request body quota for asynchronous ({@code Event}) invocations: 1 MB [D Lambda quotas; raised from
     * 256 KB in October 2025, unconfirmed locally].
     */
    public static final int MAX_EVENT_PAYLOAD_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    public LambdaApiError {
        requireNonNull(errorType, "errorType");
        requireNonNull(messageKey, "messageKey");
        requireNonNull(message, "message");
    }

    /**
     * {@code 404 {"Message":"Function not found: arn:aws:lambda:…:function:NAME","Type":"User"}} — the capital M is
     * what Lambda sends for this error [K aarondfrancis/sidecar#23: raw body
     * {@code {"Message":"Function not found: arn:aws:lambda:us-east-1:…:function:…:active","Type":"User"}}], and the
     * ARN carries the qualifier that was asked for.
     */
    public static LambdaApiError functionNotFound(FunctionName name) {
        return new LambdaApiError(404, "ResourceNotFoundException", "Message", "Function not found: " + name.arn(),
                null);
    }

    /**
     * 400 for a payload that is not JSON; the message is Lambda's prefix plus the JSON parser's own text [K
     * aws/aws-cli#6433 (status 400, x-amzn-ErrorType InvalidRequestContentException); awsdocs/aws-lambda-developer-
     * guide#382: "Could not parse request body into json: Could not parse payload into json: Invalid UTF-8 start
     * byte 0x97\n at [Source: (byte[])…; line: 1, column: 3]"]. Lambda parses with Jackson, as apigw does.
     */
    public static LambdaApiError invalidPayload(String parserMessage) {
        return new LambdaApiError(400, "InvalidRequestContentException", "message",
                "Could not parse request body into json: Could not parse payload into json: " + parserMessage, null);
    }

    /**
     * 413 for a body over 6 MB. Lambda answers with the error code RequestEntityTooLargeException (not the
     * RequestTooLargeException of the API reference) and this exact message [K awslabs/aws-athena-query-federation#793:
     * "Request must be smaller than 6291456 bytes for the InvokeFunction operation (Service: AWSLambda; Status Code:
     * 413; Error Code: RequestEntityTooLargeException"; JupiterOne/sdk#565, same text].
     */
    public static LambdaApiError payloadTooLarge() {
        return new LambdaApiError(413, "RequestEntityTooLargeException", "message",
                "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation", null);
    }

    /**
     * 413 for an {@code Event} body over {@link #MAX_EVENT_PAYLOAD_BYTES}, in Lambda's words for that case [K
     * ASFHyP3/hyp3#2241: "RequestEntityTooLargeException … 264496 byte payload is too large for the Event invocation
     * type (limit 262144 bytes)"; faultline/faultline#12, same text with the older 131072 limit].
     */
    public static LambdaApiError eventPayloadTooLarge(int payloadBytes) {
        return new LambdaApiError(413, "RequestEntityTooLargeException", "message", payloadBytes
                + " byte payload is too large for the Event invocation type (limit " + MAX_EVENT_PAYLOAD_BYTES
                + " bytes)", null);
    }

    /**
     * 429 when the function is at its concurrency limit: {@code {"Reason":…,"Type":"User","message":"Rate
     * Exceeded."}} [K fyoorer/ShadowClone#46 for the body's shape; alexcasalboni/aws-lambda-power-tuning#133 and
     * HumanCellAtlas/data-store#1118 for "Rate Exceeded." on Invoke; Reason values: D botocore
     * TooManyRequestsException]. apigw only throttles on reserved concurrency, hence the reason.
     */
    public static LambdaApiError throttled() {
        return new LambdaApiError(429, "TooManyRequestsException", "message", "Rate Exceeded.",
                "ReservedFunctionConcurrentInvocationLimitExceeded");
    }

    /**
     * 400 for an unknown {@code X-Amz-Invocation-Type}: AWS's generic request validation message (unconfirmed for
     * this header; the wording is the one AWS services use for enum members).
     */
    public static LambdaApiError invalidInvocationType(String value) {
        return new LambdaApiError(400, "ValidationException", "message", "1 validation error detected: Value '" + value
                + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[Event, RequestResponse, DryRun]", null);
    }

    /** 400 when the name in the path and the {@code Qualifier} parameter name different versions (unconfirmed). */
    public static LambdaApiError conflictingQualifiers(String inName, String inQuery) {
        return new LambdaApiError(400, "InvalidParameterValueException", "message", "The derived qualifier from the"
                + " function name does not match the specified qualifier: " + inName + " vs " + inQuery + ".", null);
    }

    /** The JSON body, keys in Lambda's order. */
    public byte[] body() {
        ObjectNode body = JSON.createObjectNode();
        if (reason != null) {
            body.put("Reason", reason);
        }
        if (messageKey.equals("Message")) {
            body.put("Message", message);
            body.put("Type", "User");
        } else {
            body.put("Type", "User");
            body.put(messageKey, message);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
