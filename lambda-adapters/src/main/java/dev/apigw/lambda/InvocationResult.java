package dev.apigw.lambda;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What an invocation returned: the function's payload, or a function error as the Invoke API reports it. */
public sealed interface InvocationResult {

    /** The response payload bytes (for an error, the error document AWS would return). */
    byte[] payload();

    default String payloadAsString() {
        return new String(payload(), StandardCharsets.UTF_8);
    }

    /** The function returned normally. */
    record Success(byte[] payload) implements InvocationResult {
        public Success {
            requireNonNull(payload, "payload");
        }
    }

    /**
     * The function failed (threw, timed out, returned something the runtime could not serialize). {@code payload}
     * is the JSON error document: {@code {"errorMessage":…,"errorType":…,"stackTrace":[…]}}.
     */
    record FunctionError(String errorType, String errorMessage, List<String> stackTrace, byte[] payload)
            implements InvocationResult {
        public FunctionError {
            requireNonNull(errorType, "errorType");
            requireNonNull(errorMessage, "errorMessage");
            stackTrace = List.copyOf(stackTrace);
            requireNonNull(payload, "payload");
        }
    }
}
