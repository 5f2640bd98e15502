package dev.apigw.lambda;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Per-invocation settings.
 *
 * @param requestId the Lambda request id ({@code Context.getAwsRequestId()})
 * @param functionName the name the caller knows the function by ({@code Context.getFunctionName()})
 * @param deadline the longest the caller waits (the integration timeout); null = only the function's own timeout.
 *     When the deadline passes first, {@code invoke} throws {@link DeadlineExceededException}: the caller gave up,
 *     which is not a function error.
 */
public record InvocationOptions(String requestId, String functionName, @Nullable Duration deadline) {
    public InvocationOptions {
        requireNonNull(requestId, "requestId");
        requireNonNull(functionName, "functionName");
    }

    public static InvocationOptions of(String requestId, String functionName) {
        return new InvocationOptions(requestId, functionName, null);
    }
}
