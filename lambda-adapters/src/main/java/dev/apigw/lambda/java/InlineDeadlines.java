package dev.apigw.lambda.java;

import dev.apigw.lambda.InvocationResult;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the timeouts of invocations that run on their caller's thread ({@link JavaHandlerFunction#invokeAsync}):
 * that thread is busy in the handler, so another one must answer when a deadline passes. One daemon thread looks at
 * the running invocations every {@link #TICK_NANOS}; a result due at a deadline is completed on a separate thread, so
 * that what the caller attached to it (writing the answer to a slow client, say) never delays the other deadlines.
 *
 * <p>Watching costs a request two set operations and never a thread wake-up: the sweeper keeps ticking while
 * invocations come and go, and sleeps only after a second without any, so a steady stream of requests, even one at a
 * time, never pays for waking it. Deadlines are met within one tick.
 */
final class InlineDeadlines {
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final InlineDeadlines INSTANCE = new InlineDeadlines();

    private final Set<Watched> running = ConcurrentHashMap.newKeySet();
    /** Completes results that are due; a cached pool, because a caller's continuation may block (a slow client). */
    private final ExecutorService answering = Executors.newCachedThreadPool(daemon("apigw-function-timeout"));
    private final Thread sweeper;
    private volatile boolean sleeping;

    private InlineDeadlines() {
        sweeper = daemon("apigw-function-deadlines").newThread(this::sweepForever);
        sweeper.start();
    }

    static InlineDeadlines instance() {
        return INSTANCE;
    }

    /**
     * Watches an invocation until {@link Watched#done}.
     *
     * @param callerDeadlineNanos when the caller gives up ({@link System#nanoTime}); only before the function's own
     * @param functionDeadlineNanos when the function times out
     * @param callerGaveUp runs when the caller's deadline passes before the result is complete
     * @param timedOut runs at the function's timeout (the handler had not returned)
     */
    Watched watch(CompletableFuture<InvocationResult> result, long callerDeadlineNanos, long functionDeadlineNanos,
            Runnable callerGaveUp, Runnable timedOut) {
        Watched watched = new Watched(result, callerDeadlineNanos, functionDeadlineNanos, callerGaveUp, timedOut);
        running.add(watched);
        if (sleeping) {
            LockSupport.unpark(sweeper);
        }
        return watched;
    }

    private void sweepForever() {
        long emptySince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (running.isEmpty()) {
                if (now - emptySince > LINGER_NANOS) {
                    sleeping = true;
                    if (running.isEmpty()) { // a watch() between the check and the flag would otherwise be missed
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    emptySince = System.nanoTime();
                    continue;
                }
            } else {
                emptySince = now;
                for (Watched watched : running) {
                    watched.check(now);
                }
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One invocation on its caller's thread, with its two deadlines. */
    final class Watched {
        private final CompletableFuture<InvocationResult> result;
        private final long callerDeadlineNanos;
        private final long functionDeadlineNanos;
        private final Runnable callerGaveUp;
        private final Runnable timedOut;
        private boolean callerAnswered;

        private Watched(CompletableFuture<InvocationResult> result, long callerDeadlineNanos,
                long functionDeadlineNanos, Runnable callerGaveUp, Runnable timedOut) {
            this.result = result;
            this.callerDeadlineNanos = callerDeadlineNanos;
            this.functionDeadlineNanos = functionDeadlineNanos;
            this.callerGaveUp = callerGaveUp;
            this.timedOut = timedOut;
        }

        /** The handler returned: nothing is due any more. */
        void done() {
            running.remove(this);
        }

        /** Only the sweeper calls this. */
        private void check(long now) {
            if (now - functionDeadlineNanos >= 0) {
                running.remove(this);
                answering.execute(timedOut);
            } else if (!callerAnswered && now - callerDeadlineNanos >= 0 && !result.isDone()) {
                // Deadlines are compared as differences: System.nanoTime() may be negative or wrap.
                callerAnswered = true;
                answering.execute(callerGaveUp);
            }
        }
    }
}
