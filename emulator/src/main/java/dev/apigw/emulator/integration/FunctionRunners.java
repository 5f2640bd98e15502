package dev.apigw.emulator.integration;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Where function calls run for callers that wait on their own thread: shared daemon workers, created on demand. */
public final class FunctionRunners {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "apigw-function-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Runs each call on a worker thread, so the caller can stop waiting at a deadline. */
    public static final Executor WORKERS = POOL::execute;

    private FunctionRunners() {
    }
}
