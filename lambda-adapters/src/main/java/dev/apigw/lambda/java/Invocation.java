package dev.apigw.lambda.java;

import dev.apigw.lambda.InvocationResult;
import java.io.IOError;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One invocation on a worker thread, in the execution environment it holds. Whatever the handler throws becomes a
 * function error, and so do an exit ({@link FunctionExit}) and a response over the size limit. It ends exactly once:
 * when the handler returns (the environment is idle again, unless the runtime would have exited: after an exit, a
 * {@code VirtualMachineError} or an {@code IOError}) or when it times out (the environment is dropped); that end
 * writes Lambda's {@code END} and {@code REPORT} lines. The thread running
 * it is kept so that a timed-out invocation that ignores its interrupt can be reported.
 */
final class Invocation implements Callable<InvocationResult> {

    private final HandlerInstances.Lease lease;
    private final byte[] payload;
    private final LocalLambdaContext context;
    private final int responseLimitBytes;
    private final InvocationLog log;
    private volatile @Nullable Thread worker;
    private volatile boolean abandoned;
    /** Claimed by whichever comes first: a worker starting the handler, or {@link #cancel}. */
    private final AtomicBoolean claimed = new AtomicBoolean();

    Invocation(HandlerInstances.Lease lease, byte[] payload, LocalLambdaContext context, int responseLimitBytes) {
        this.lease = lease;
        this.payload = payload;
        this.context = context;
        this.responseLimitBytes = responseLimitBytes;
        this.log = new InvocationLog(
                context.getFunctionName(), context.getAwsRequestId(), context.getMemoryLimitInMB(),
                lease.initDuration(), context.logLines());
    }

    @Override
    public @Nullable InvocationResult call() {
        if (!claimed.compareAndSet(false, true)) {
            return null; // cancelled before a worker reached it; the caller no longer waits for a result
        }
        worker = Thread.currentThread();
        log.start();
        long start = System.nanoTime();
        boolean environmentEnds = false;
        try {
            BoundedOutput output = new BoundedOutput(responseLimitBytes);
            lease.call().call(payload, context, output);
            if (output.overflowed()) {
                InvocationResult.FunctionError error = FunctionErrors.responseTooLarge(responseLimitBytes);
                report(error, null);
                return error;
            }
            return new InvocationResult.Success(output.toByteArray());
        } catch (Throwable thrown) {
            FunctionExit.Exited exit = exitIn(thrown);
            if (exit != null) {
                // On Lambda the runtime process is gone: the environment with it, the next invocation starts afresh.
                environmentEnds = true;
                InvocationResult.FunctionError error = FunctionErrors.exited(context.getAwsRequestId(), exit.status());
                report(error, null);
                return error;
            }
            // The Java runtime exits after these (its AWSLambda.startRuntimeLoop), so the environment ends too.
            environmentEnds = thrown instanceof VirtualMachineError || thrown instanceof IOError;
            InvocationResult.FunctionError error = FunctionErrors.thrown(thrown);
            report(error, thrown);
            return error;
        } finally {
            synchronized (this) {
                worker = null;
            }
            if (abandoned) {
                // The interrupt was meant for the handler; the thread (the caller's own, when run inline) goes on.
                Thread.interrupted();
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            if (environmentEnds ? lease.discard() : lease.release()) {
                log.finished(duration);
            }
        }
    }

    /** The runtime writes the failure to the function's log; so does apigw, to the function's logger. */
    private void report(InvocationResult.FunctionError error, @Nullable Throwable thrown) {
        if (!abandoned) {
            functionLog().warn("{} {}: {}", context.getAwsRequestId(), error.errorType(), error.errorMessage(),
                    thrown);
        }
    }

    /** The exit a handler asked for, also when it surfaces wrapped (in a static initializer's error, say). */
    private static FunctionExit.@Nullable Exited exitIn(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (current instanceof FunctionExit.Exited exit) {
                return exit;
            }
            current = current.getCause();
        }
        return null;
    }

    /** The function timed out: what the handler does from now on is no longer its result. */
    void abandon(Duration timeout) {
        abandoned = true;
        if (lease.discard()) {
            log.timedOut(timeout);
        }
    }

    /**
     * Interrupts the handler if it is still running, never the thread after the handler has returned: run on the
     * caller's own thread, a late interrupt would hit whatever that thread does next.
     */
    synchronized void interruptHandler() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * The caller no longer wants the invocation (the function was closed, or the caller was interrupted): when no
     * worker has started it yet, the environment is given back unused; otherwise the worker gives it back when the
     * handler ends.
     */
    void cancel() {
        if (claimed.compareAndSet(false, true)) {
            lease.discard();
        }
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
