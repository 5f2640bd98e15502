package dev.apigw.lambda;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Per-invocation settings.
 *
 * @param requestId the Lambda request id ({@code Context.getAwsRequestId()})
 * @param deadline the longest the caller waits (the integration timeout); null = the function's own timeout only
 */
public record InvocationOptions(String requestId, @Nullable Duration deadline) {
    public InvocationOptions {
        requireNonNull(requestId, "requestId");
    }

    public static InvocationOptions of(String requestId) {
        return new InvocationOptions(requestId, null);
    }
}
