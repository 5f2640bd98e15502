package dev.apigw.emulator.auth;

import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.TooManyRequestsException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Calls a Lambda authorizer function and sorts what happened the way API Gateway does: an answer to read, a
 * failure with exactly the message {@code Unauthorized} (how a function asks for 401 [D]), or any other failure
 * (500 on both API types). REST and HTTP APIs word the resulting refusals differently, so they map the outcome.
 */
final class AuthorizerInvocation {

    /** What the call gave. */
    sealed interface Outcome {}

    /** The function returned; its payload still has to be read. */
    record Answer(byte[] payload) implements Outcome {}

    /** The function failed with the message {@code Unauthorized}. */
    record Unauthorized(String detail) implements Outcome {}

    /** The function is missing, failed otherwise, or took too long. */
    record Failure(String detail) implements Outcome {}

    /** How the journal names a Lambda authorizer. */
    static final String LAMBDA = "lambda";

    private AuthorizerInvocation() {}

    /**
     * @param deadline how long API Gateway waits for the authorizer (10 s on HTTP APIs [D limits]); null for the
     *     function's own timeout only
     */
    static Outcome invoke(Functions functions, String name, byte[] event, @Nullable Duration deadline) {
        return invoke(functions, name, event, deadline, IntegrationTrace.NONE);
    }

    /**
     * As {@link #invoke(Functions, String, byte[], Duration)}, reporting the event and the function's answer to
     * {@code trace} (the request journal).
     */
    static Outcome invoke(Functions functions, String name, byte[] event, @Nullable Duration deadline,
            IntegrationTrace trace) {
        trace.authorizerEvent(event);
        if (!functions.contains(name)) {
            trace.authorizerResponse(null, false);
            return new Failure("authorizer function " + name + " is not registered");
        }
        InvocationResult result;
        try {
            result = functions.invoke(name, event, new InvocationOptions(UUID.randomUUID().toString(), name, deadline));
        } catch (DeadlineExceededException e) {
            trace.authorizerResponse(null, false);
            return new Failure("authorizer function " + name + " timed out");
        } catch (TooManyRequestsException e) {
            trace.authorizerResponse(null, false);
            // A throttled authorizer is an authorizer that failed: 500 on both API types (unconfirmed).
            return new Failure("authorizer function " + name + " was throttled: " + e.getMessage());
        }
        trace.authorizerResponse(result.payload(), false);
        if (result instanceof InvocationResult.FunctionError error) {
            return "Unauthorized".equals(error.errorMessage())
                    ? new Unauthorized("authorizer function " + name + " answered Unauthorized")
                    : new Failure("authorizer function " + name + " failed: " + error.errorType() + ": "
                            + error.errorMessage());
        }
        return new Answer(result.payload());
    }
}
