package dev.apigw.lambda.java;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.TooManyRequestsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java handler run in-process as the AWS Lambda Java runtime runs it in warm execution environments: the class is
 * loaded and initialized, and a first instance created, at {@link #load} (AWS's init phase). Each invocation takes an
 * idle instance; concurrent invocations get instances of their own, created on demand up to the function's reserved
 * concurrency (or Lambda's default limit of 1,000), and reused once idle. Beyond the limit an invocation throws
 * {@link TooManyRequestsException} without running the handler. Static state is shared by the instances, unlike on
 * AWS where each environment is its own JVM (see {@link HandlerInstances}). A handler <em>object</em> given to
 * {@link #forInstance} cannot be copied, so its environments all share that one object. With its package-private
 * helpers, the only place in apigw that loads handlers by reflection.
 *
 * <p>{@link #invoke} runs each invocation on a worker thread of this function, with the function's class loader as
 * context class loader, so that the caller never waits past the function timeout ({@link #invokeAsync} runs it on a
 * thread the caller gives, with the same timeouts kept by {@link InlineDeadlines}): at the timeout the worker is interrupted and the
 * result is Lambda's {@code Sandbox.Timedout} error. A caller deadline shorter than that (API Gateway's integration
 * timeout) throws {@link DeadlineExceededException} instead, while the function keeps running to its own timeout, as
 * on AWS, and keeps its share of the concurrency until then. Every invocation writes Lambda's {@code START},
 * {@code END} and {@code REPORT} lines to the function's logger (see {@link InvocationLog}).
 */
public final class JavaHandlerFunction implements LambdaFunction, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JavaHandlerFunction.class);
    /** How long an interrupted worker gets to stop before it is reported as stuck. */
    private static final long STUCK_AFTER_MILLIS = 100;

    private final FunctionSettings settings;
    private final Class<?> handlerClass;
    private final HandlerInstances instances;
    private final ExecutorService workers;
    private final ClassLoader functionLoader;

    private JavaHandlerFunction(
            FunctionSettings settings, Class<?> handlerClass, HandlerInstances instances, ClassLoader functionLoader) {
        this.settings = settings;
        this.handlerClass = handlerClass;
        this.instances = instances;
        this.functionLoader = functionLoader;
        this.workers = Executors.newCachedThreadPool(workerThreads(settings.name(), functionLoader));
    }

    /**
     * Loads the handler named by {@code settings.handler()} from {@code loader}: class, static initializer, method,
     * instance and serializers, all now.
     *
     * @throws HandlerLoadException when the handler cannot be loaded; the message says how to fix it
     */
    public static JavaHandlerFunction load(FunctionSettings settings, ClassLoader loader) {
        long start = System.nanoTime();
        HandlerLoader.Resolved resolved = HandlerLoader.load(settings, loader);
        Duration init = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("loaded handler {} for function {} in {} ms", settings.handler(), settings.name(), init.toMillis());
        // Another environment repeats the init phase: the class is already initialized, the constructor runs again.
        Supplier<HandlerCall> newInstance = () -> withContextLoader(loader, () -> HandlerLoader.load(settings, loader))
                .call();
        // The first environment writes to the stream its AWS_LAMBDA_LOG_STREAM_NAME names.
        String firstStream = loader instanceof FunctionClassLoader function && function.environment() != null
                ? function.environment().logStreamName() : LocalLambdaContext.newLogStreamName();
        HandlerInstances instances = new HandlerInstances(resolved.call(), init, firstStream, newInstance,
                settings.reservedConcurrency());
        return new JavaHandlerFunction(settings, resolved.handlerClass(), instances, loader);
    }

    /**
     * Loads the handler from the function's own classpath, in a class loader of its own that gives the function its
     * environment; a handler on apigw's own classpath sees the JVM's environment.
     */
    public static JavaHandlerFunction load(FunctionSettings settings, FunctionClassLoaders loaders) {
        checkClasspath(settings);
        if (settings.classpath().isEmpty()) {
            LambdaEnvironment.checkOutsideFunctionClassLoader(settings);
            return load(settings, loaders.apigw());
        }
        return load(settings, loaders.forFunction(settings));
    }

    /**
     * Fails when an entry of the function's classpath does not exist, which a class loader would silently skip.
     *
     * @throws HandlerLoadException naming the entry
     */
    public static void checkClasspath(FunctionSettings settings) {
        for (Path entry : settings.classpath()) {
            if (!Files.exists(entry)) {
                throw new HandlerLoadException("classpath entry " + entry + " of function " + settings.name()
                        + " does not exist; check --classpath");
            }
        }
    }

    /**
     * Wraps a handler object: a {@code RequestHandler}, a {@code RequestStreamHandler}, or any object with a public
     * {@code handleRequest} method. The {@code Context} shows the function name each invocation is called with.
     */
    public static JavaHandlerFunction forInstance(FunctionSettings settings, Object handler) {
        LambdaEnvironment.checkOutsideFunctionClassLoader(settings);
        long start = System.nanoTime();
        HandlerCall call = HandlerCalls.forInstance(settings, handler);
        Duration init = Duration.ofNanos(System.nanoTime() - start);
        HandlerInstances instances = new HandlerInstances(call, init, () -> call, settings.reservedConcurrency());
        return new JavaHandlerFunction(settings, handler.getClass(), instances, HandlerCalls.loaderOf(handler));
    }

    public FunctionSettings settings() {
        return settings;
    }

    Class<?> handlerClass() {
        return handlerClass;
    }

    HandlerInstances instances() {
        return instances;
    }

    /**
     * {@inheritDoc}
     *
     * @throws TooManyRequestsException when the function already runs as many invocations as its concurrency allows
     * @throws DeadlineExceededException when the caller's deadline passes before the function answers
     */
    @Override
    public InvocationResult invoke(byte[] payload, InvocationOptions options) {
        Prepared prepared = prepare(payload, options);
        if (prepared.initFailure() != null) {
            return prepared.initFailure();
        }
        Invocation invocation = prepared.invocation();
        Duration timeout = settings.timeout();
        long deadlineNanos = prepared.startNanos() + timeout.toNanos();
        Future<InvocationResult> result;
        try {
            result = workers.submit(invocation);
        } catch (RejectedExecutionException e) {
            invocation.cancel();
            throw new IllegalStateException("function " + settings.name() + " is closed", e);
        }
        Duration callerDeadline = options.deadline();
        boolean callerGivesUpFirst = callerGivesUpFirst(options);
        Duration wait = callerGivesUpFirst ? callerDeadline : timeout;
        try {
            return result.get(wait.toNanos(), NANOSECONDS);
        } catch (TimeoutException e) {
            if (callerGivesUpFirst) {
                long untilTimeout = deadlineNanos - System.nanoTime();
                CompletableFuture.delayedExecutor(untilTimeout, NANOSECONDS)
                        .execute(() -> abandonIfRunning(result, invocation));
                throw new DeadlineExceededException(options.functionName(), callerDeadline);
            }
            abandonIfRunning(result, invocation);
            return FunctionErrors.timedOut(options.requestId(), timeout);
        } catch (InterruptedException e) {
            result.cancel(true);
            // A task cancelled before a worker picked it up never runs, so it would never give its lease back.
            invocation.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for function " + options.functionName());
        } catch (ExecutionException e) {
            // Invocation catches everything the handler throws, so this is a bug in apigw.
            throw new IllegalStateException("invoking function " + options.functionName() + " failed", e.getCause());
        }
    }

    /**
     * {@inheritDoc} The handler runs in {@code runner} (the caller's own thread, typically) with the function's class
     * loader as context class loader; at the caller's deadline the result completes with
     * {@link DeadlineExceededException}, at the function's timeout with Lambda's {@code Sandbox.Timedout} error while
     * the handler is interrupted, both from a timer thread (see {@link InlineDeadlines}).
     */
    @Override
    public CompletableFuture<InvocationResult> invokeAsync(byte[] payload, InvocationOptions options, Executor runner) {
        Prepared prepared;
        try {
            prepared = prepare(payload, options);
        } catch (TooManyRequestsException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (prepared.initFailure() != null) {
            return CompletableFuture.completedFuture(prepared.initFailure());
        }
        Invocation invocation = prepared.invocation();
        Duration timeout = settings.timeout();
        Duration callerDeadline = options.deadline();
        boolean callerGivesUpFirst = callerGivesUpFirst(options);
        long functionDeadline = prepared.startNanos() + timeout.toNanos();
        long givesUp = callerGivesUpFirst ? prepared.startNanos() + callerDeadline.toNanos() : functionDeadline;
        CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        Runnable run = () -> {
            InlineDeadlines.Watched watched = InlineDeadlines.instance().watch(result, givesUp, functionDeadline,
                    () -> result.completeExceptionally(
                            new DeadlineExceededException(options.functionName(), callerDeadline)),
                    () -> timedOutInline(result, invocation, options));
            try {
                result.complete(withContextLoader(functionLoader, invocation::call));
            } catch (RuntimeException | Error e) {
                // Invocation turns whatever the handler throws into a function error; this is apigw failing.
                result.completeExceptionally(e);
            } finally {
                watched.done();
            }
        };
        try {
            runner.execute(run);
        } catch (RejectedExecutionException e) {
            invocation.cancel();
            return CompletableFuture.failedFuture(e);
        }
        return result;
    }

    private void timedOutInline(CompletableFuture<InvocationResult> result, Invocation invocation,
            InvocationOptions options) {
        // Abandoned before the caller is answered: the timeout's log lines and the freed environment are there for
        // whoever reads the journal or calls again on seeing the answer.
        invocation.abandon(settings.timeout());
        result.complete(FunctionErrors.timedOut(options.requestId(), settings.timeout()));
        invocation.interruptHandler();
        CompletableFuture.delayedExecutor(STUCK_AFTER_MILLIS, MILLISECONDS).execute(() -> reportIfStuck(invocation));
    }

    /**
     * An environment for the invocation and its context; the function's timeout starts now, after any init phase.
     *
     * @throws TooManyRequestsException when the function runs as many invocations as its concurrency allows
     */
    private Prepared prepare(byte[] payload, InvocationOptions options) {
        HandlerInstances.Lease lease;
        try {
            lease = instances.acquire();
        } catch (HandlerLoadException e) {
            // A new environment whose init failed: the invocation reports the init error, as Lambda does.
            LOG.warn("function {} (request {}) could not initialise another instance: {}",
                    settings.name(), options.requestId(), e.getMessage());
            return new Prepared(null, 0, FunctionErrors.thrown(e.getCause() != null ? e.getCause() : e));
        }
        // Lambda's timeout covers the invocation, not the init phase before it.
        long startNanos = System.nanoTime();
        LocalLambdaContext context = new LocalLambdaContext(options.requestId(), options.functionName(),
                lease.logStreamName(), settings.memorySizeMb(), startNanos + settings.timeout().toNanos(),
                options.logLines());
        return new Prepared(new Invocation(lease, payload, context, settings.responseLimitBytes()), startNanos, null);
    }

    /** Whether the caller's deadline (API Gateway's integration timeout) passes before the function's timeout. */
    private boolean callerGivesUpFirst(InvocationOptions options) {
        return options.deadline() != null && options.deadline().compareTo(settings.timeout()) < 0;
    }

    /** An invocation ready to run (its timeout counted from {@code startNanos}), or the init failure instead. */
    private record Prepared(@Nullable Invocation invocation, long startNanos,
            InvocationResult.@Nullable FunctionError initFailure) {
    }

    /** Stops the worker threads, interrupting any invocation still running. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "JavaHandlerFunction[" + settings.name() + ", " + handlerClass.getName() + "]";
    }

    private void abandonIfRunning(Future<InvocationResult> result, Invocation invocation) {
        if (result.isDone()) {
            return;
        }
        invocation.abandon(settings.timeout());
        result.cancel(true);
        CompletableFuture.delayedExecutor(STUCK_AFTER_MILLIS, MILLISECONDS).execute(() -> reportIfStuck(invocation));
    }

    /**
     * A handler still running after its interrupt holds a thread (the request's own, when run inline) until it stops
     * by itself; the function's later invocations get fresh environments meanwhile. Says where it is stuck: the top
     * frame, and the function's own frame nearest to it when the top is JDK code (a sleep, a lock, a socket read).
     */
    private void reportIfStuck(Invocation invocation) {
        Thread worker = invocation.worker();
        if (worker == null) {
            return;
        }
        StackTraceElement[] frames = worker.getStackTrace();
        String top = frames.length > 0 ? frames[0].toString() : "?";
        String own = firstOwnFrame(frames);
        LOG.warn("function {} (request {}) timed out and was interrupted, but thread {} is still running it at {}{}; "
                        + "make the handler stop when interrupted, as AWS would have stopped it",
                settings.name(), invocation.requestId(), worker.getName(), top,
                own == null || own.equals(top) ? "" : " in " + own);
    }

    /**
     * The topmost frame outside the JDK's modules: the handler's own code, which runs above apigw's frames (and the
     * server's, all on the class path).
     */
    private static @Nullable String firstOwnFrame(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (frame.getModuleName() == null) {
                return frame.toString();
            }
        }
        return null;
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> action) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader); // constructors see the function's loader, as during AWS's init
        try {
            return action.get();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static ThreadFactory workerThreads(String functionName, ClassLoader functionLoader) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "apigw-lambda-" + functionName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(functionLoader); // as the runtime sets the customer class loader
            return thread;
        };
    }
}
