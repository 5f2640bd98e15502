package dev.apigw.lambda.java;

import dev.apigw.lambda.InvocationResult;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One invocation on a worker thread. Whatever the handler throws becomes a function error; the thread running it is
 * kept so that a timed-out invocation that ignores its interrupt can be reported.
 */
final class Invocation implements Callable<InvocationResult> {

    private final HandlerCall call;
    private final byte[] payload;
    private final LocalLambdaContext context;
    private volatile @Nullable Thread worker;
    private volatile boolean abandoned;

    Invocation(HandlerCall call, byte[] payload, LocalLambdaContext context) {
        this.call = call;
        this.payload = payload;
        this.context = context;
    }

    @Override
    public InvocationResult call() {
        worker = Thread.currentThread();
        try {
            return new InvocationResult.Success(call.call(payload, context));
        } catch (Throwable thrown) {
            InvocationResult.FunctionError error = FunctionErrors.thrown(thrown);
            if (!abandoned) {
                // The runtime writes the failure to the function's log; so does apigw, to the function's logger.
                functionLog().warn("{} {}: {}", context.getAwsRequestId(), error.errorType(), error.errorMessage(),
                        thrown);
            }
            return error;
        } finally {
            worker = null;
        }
    }

    /** The function timed out: what the handler does from now on is no longer its result. */
    void abandon(Duration timeout) {
        abandoned = true;
        functionLog().warn(
                "{} Task timed out after {} seconds", context.getAwsRequestId(), FunctionErrors.seconds(timeout));
    }

    @Nullable Thread worker() {
        return worker;
    }

    String requestId() {
        return context.getAwsRequestId();
    }

    private Logger functionLog() {
        return LocalLambdaContext.functionLogger(context.getFunctionName());
    }
}
