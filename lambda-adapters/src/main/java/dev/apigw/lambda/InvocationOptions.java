package dev.apigw.lambda;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Per-invocation settings.
 *
 * @param requestId the Lambda request id ({@code Context.getAwsRequestId()})
 * @param functionName the name the caller knows the function by ({@code Context.getFunctionName()})
 * @param deadline the longest the caller waits (the integration timeout); null = only the function's own timeout.
 *     When the deadline passes first, {@code invoke} throws {@link DeadlineExceededException}: the caller gave up,
 *     which is not a function error.
 * @param logLines receives each line the invocation writes to the function's log (START, the handler's
 *     {@code context.getLogger()} lines, END, REPORT), besides SLF4J — e.g. for the Invoke API's {@code LogType: Tail};
 *     null = SLF4J only
 */
public record InvocationOptions(String requestId, String functionName, @Nullable Duration deadline,
        @Nullable Consumer<String> logLines) {
    public InvocationOptions {
        requireNonNull(requestId, "requestId");
        requireNonNull(functionName, "functionName");
    }

    public InvocationOptions(String requestId, String functionName, @Nullable Duration deadline) {
        this(requestId, functionName, deadline, null);
    }

    public static InvocationOptions of(String requestId, String functionName) {
        return new InvocationOptions(requestId, functionName, null, null);
    }

    /** These options, with the function's log lines also given to {@code lines}. */
    public InvocationOptions withLogLines(Consumer<String> lines) {
        return new InvocationOptions(requestId, functionName, deadline, lines);
    }
}
