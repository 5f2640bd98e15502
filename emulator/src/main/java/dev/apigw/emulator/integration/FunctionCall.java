package dev.apigw.emulator.integration;

import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The one function call of a request, held back until the gateway has attached the rest of the pipeline to its
 * result, then run where the gateway says: on the request's own thread for the HTTP server, on a worker for callers
 * of the synchronous {@code Gateway.handle}.
 */
public final class FunctionCall implements Executor {
    private @Nullable Runnable pending;

    @Override
    public void execute(Runnable call) {
        if (pending != null) {
            throw new IllegalStateException("a request makes one function call; another was already started");
        }
        pending = call;
    }

    /** Runs the held call, if the integration made one. */
    public void runIn(Executor runner) {
        Runnable call = pending;
        pending = null;
        if (call != null) {
            runner.execute(call);
        }
    }
}
