package dev.apigw.lambda.java;

import dev.apigw.lambda.TooManyRequestsException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The execution environments of one function, as Lambda keeps them warm
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html">Understanding Lambda function
 * scaling</a>): an invocation takes an idle environment, or a new one is initialised when every environment is busy,
 * so each environment serves one invocation at a time. Invocations beyond the function's reserved concurrency, or the
 * account's default limit of 1,000 when none is reserved, are throttled without running the handler; reserved
 * concurrency 0 throttles every invocation [D lambda-concurrency, configuration-concurrency].
 *
 * <p>An environment here is a handler instance (constructor run once) with its own log stream. Unlike AWS, where
 * each environment is its own JVM, the instances share their class, so static state and static initialisers are
 * shared and run once per class loader.
 */
final class HandlerInstances {

    /** AWS's default concurrency quota per account and Region [D gettingstarted-limits]. */
    static final int UNRESERVED_CONCURRENCY = 1000;
    /** The Invoke API's message for a throttled invocation [K alexcasalboni/aws-lambda-power-tuning#133]. */
    static final String RATE_EXCEEDED = "Rate Exceeded.";

    private final Supplier<HandlerCall> newInstance;
    private final int concurrencyLimit;
    /** Idle environments, the most recently used first. */
    private final Deque<Environment> idle = new ArrayDeque<>();
    private int running;
    private int created;

    /**
     * @param first the instance created while loading the function, with the time that took
     * @param newInstance creates and initialises another instance; may throw what loading throws
     */
    HandlerInstances(HandlerCall first, Duration firstInit, Supplier<HandlerCall> newInstance,
            @Nullable Integer reservedConcurrency) {
        this(first, firstInit, LocalLambdaContext.newLogStreamName(), newInstance, reservedConcurrency);
    }

    /**
     * @param firstLogStreamName the first environment's log stream: the one its {@code AWS_LAMBDA_LOG_STREAM_NAME}
     *     shows, when the function's class loader has an environment
     */
    HandlerInstances(HandlerCall first, Duration firstInit, String firstLogStreamName,
            Supplier<HandlerCall> newInstance, @Nullable Integer reservedConcurrency) {
        this.newInstance = newInstance;
        this.concurrencyLimit = reservedConcurrency == null ? UNRESERVED_CONCURRENCY : reservedConcurrency;
        idle.push(new Environment(first, firstInit, firstLogStreamName));
        created = 1;
    }

    /**
     * Takes an environment for one invocation, initialising a new one when none is idle.
     *
     * @throws TooManyRequestsException when the function already runs as many invocations as it may
     */
    Lease acquire() {
        Environment environment;
        synchronized (this) {
            if (running >= concurrencyLimit) {
                throw new TooManyRequestsException(RATE_EXCEEDED);
            }
            running++;
            // Reusing the most recently used environment keeps the fewest warm, as Lambda tends to.
            environment = idle.pollFirst();
        }
        if (environment == null) {
            environment = initialise();
        }
        return new Lease(environment);
    }

    /** How many environments were initialised so far, including the one created at load. */
    synchronized int created() {
        return created;
    }

    /** How many invocations hold an environment now. */
    synchronized int running() {
        return running;
    }

    private Environment initialise() {
        long start = System.nanoTime();
        boolean done = false;
        try {
            Environment environment = new Environment(newInstance.get(), Duration.ofNanos(System.nanoTime() - start));
            done = true;
            return environment;
        } finally {
            synchronized (this) {
                if (done) {
                    created++;
                } else {
                    running--;
                }
            }
        }
    }

    private synchronized void giveBack(Environment environment, boolean reusable) {
        running--;
        if (reusable) {
            idle.push(environment);
        }
    }

    /** One execution environment: a handler instance and the log stream its invocations write to. */
    static final class Environment {
        private final HandlerCall call;
        private final String logStreamName;
        private @Nullable Duration pendingInit;

        Environment(HandlerCall call, Duration initDuration) {
            this(call, initDuration, LocalLambdaContext.newLogStreamName());
        }

        Environment(HandlerCall call, Duration initDuration, String logStreamName) {
            this.call = call;
            this.pendingInit = initDuration;
            this.logStreamName = logStreamName;
        }
    }

    /** One invocation's hold on an environment; given back exactly once, by {@link #release} or {@link #discard}. */
    final class Lease {
        private final Environment environment;
        private final @Nullable Duration initDuration;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Lease(Environment environment) {
            this.environment = environment;
            // Only the first invocation of an environment is a cold start and reports its Init Duration.
            this.initDuration = environment.pendingInit;
            environment.pendingInit = null;
        }

        HandlerCall call() {
            return environment.call;
        }

        String logStreamName() {
            return environment.logStreamName;
        }

        /** The time the environment took to initialise, when this invocation is its first; otherwise null. */
        @Nullable Duration initDuration() {
            return initDuration;
        }

        /** The invocation finished: the environment is idle again. False when it was already given back. */
        boolean release() {
            return giveBack(true);
        }

        /**
         * The invocation timed out: the concurrency it held is free, and the environment is not reused, as Lambda
         * re-initialises an environment after a timeout [K "Lambda timeout doom loop", Status: timeout]. False when
         * it was already given back.
         */
        boolean discard() {
            return giveBack(false);
        }

        private boolean giveBack(boolean reusable) {
            if (!held.compareAndSet(true, false)) {
                return false;
            }
            HandlerInstances.this.giveBack(environment, reusable);
            return true;
        }
    }
}
