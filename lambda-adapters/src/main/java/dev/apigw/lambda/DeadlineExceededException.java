package dev.apigw.lambda;

import java.time.Duration;

/** The caller's deadline passed before the function answered (API Gateway's integration timeout). */
public final class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String functionName, Duration deadline) {
        super("function " + functionName + " did not answer within " + deadline.toMillis() + " ms", null, false, false);
    }
}
