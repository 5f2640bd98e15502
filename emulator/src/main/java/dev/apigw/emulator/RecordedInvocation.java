package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One call of a Lambda function by the gateway: the event it received and what it returned.
 *
 * @param event the payload sent to the function (JSON text)
 * @param response the function's payload (JSON text), or the error document of a function error; null when the
 *     gateway stopped waiting (integration timeout)
 * @param errorType the function error's {@code errorType}; null when the function succeeded
 */
public record RecordedInvocation(
        String functionName, String requestId, String event, @Nullable String response, @Nullable String errorType) {
    public RecordedInvocation {
        requireNonNull(functionName, "functionName");
        requireNonNull(requestId, "requestId");
        requireNonNull(event, "event");
    }

    public boolean failed() {
        return errorType != null || response == null;
    }
}
