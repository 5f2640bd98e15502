package dev.apigw.lambda;

/**
 * Lambda refused the invocation because the function is at its concurrency limit: the Invoke API's 429
 * {@code TooManyRequestsException} ("Rate Exceeded."). Not a function error — the function never ran — so callers
 * turn it into their own answer, as API Gateway does.
 */
public final class TooManyRequestsException extends RuntimeException {
    public TooManyRequestsException(String message) {
        super(message, null, false, false);
    }
}
