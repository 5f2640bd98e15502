package dev.apigw.lambda.runtime;

/**
 * One invocation as the Runtime API hands it to the runtime on {@code GET /runtime/invocation/next}.
 *
 * @param requestId {@code Lambda-Runtime-Aws-Request-Id}
 * @param payload the event, the response body of {@code /next}
 * @param deadlineEpochMillis {@code Lambda-Runtime-Deadline-Ms}: when the function times out, in Unix milliseconds
 * @param invokedFunctionArn {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param traceId {@code Lambda-Runtime-Trace-Id}
 */
record RuntimeInvocation(
        String requestId, byte[] payload, long deadlineEpochMillis, String invokedFunctionArn, String traceId) {}
