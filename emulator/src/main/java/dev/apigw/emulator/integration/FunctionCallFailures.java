package dev.apigw.emulator.integration;

import java.util.concurrent.CompletionException;
import java.util.function.Function;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.TooManyRequestsException;
import org.jspecify.annotations.Nullable;

/** How a Lambda integration answers a function call that failed before the function answered. */
final class FunctionCallFailures {
    private FunctionCallFailures() {
    }

    /**
     * The caller's deadline passing is the integration timeout; Lambda's throttling is answered as {@code throttled}
     * says (the integration types differ); anything else is apigw failing.
     */
    static RuntimeException answer(String functionName, @Nullable Throwable failure,
            Function<TooManyRequestsException, GatewayException> throttled) {
        Throwable cause = failure == null ? new IllegalStateException("function " + functionName + " gave no result")
                : IntegrationInvoker.cause(failure);
        if (cause instanceof DeadlineExceededException) {
            return new GatewayException(GatewayError.INTEGRATION_TIMEOUT, cause.getMessage());
        }
        if (cause instanceof TooManyRequestsException tooMany) {
            return throttled.apply(tooMany);
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
