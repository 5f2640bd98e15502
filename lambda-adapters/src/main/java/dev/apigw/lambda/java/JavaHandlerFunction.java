package dev.apigw.lambda.java;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java handler run in-process as the AWS Lambda Java runtime runs it in a warm execution environment: the class is
 * loaded, initialized and instantiated once, at {@link #load} (AWS's init phase), and every invocation reuses the
 * instance. With its package-private helpers, the only place in apigw that loads handlers by reflection.
 *
 * <p>Each invocation runs on a worker thread of this function, with the function's class loader as context class
 * loader, so that the caller never waits past the function timeout: at the timeout the worker is interrupted and the
 * result is Lambda's {@code Sandbox.Timedout} error. A caller deadline shorter than that (API Gateway's integration
 * timeout) throws {@link DeadlineExceededException} instead, while the function keeps running to its own timeout, as
 * on AWS. Unlike AWS, concurrent invocations share the one handler instance rather than getting one environment each.
 */
public final class JavaHandlerFunction implements LambdaFunction, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JavaHandlerFunction.class);
    /** How long an interrupted worker gets to stop before it is reported as stuck. */
    private static final long STUCK_AFTER_MILLIS = 100;

    private final FunctionSettings settings;
    private final Class<?> handlerClass;
    private final HandlerCall call;
    private final String logStreamName = LocalLambdaContext.newLogStreamName();
    private final ExecutorService workers;

    private JavaHandlerFunction(
            FunctionSettings settings, Class<?> handlerClass, HandlerCall call, ClassLoader functionLoader) {
        this.settings = settings;
        this.handlerClass = handlerClass;
        this.call = call;
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
        LOG.info("loaded handler {} for function {} in {} ms",
                settings.handler(), settings.name(), (System.nanoTime() - start) / 1_000_000);
        return new JavaHandlerFunction(settings, resolved.handlerClass(), resolved.call(), loader);
    }

    /** Loads the handler from the function's own classpath, with the class loader {@code loaders} keeps for it. */
    public static JavaHandlerFunction load(FunctionSettings settings, FunctionClassLoaders loaders) {
        for (Path entry : settings.classpath()) {
            if (!Files.exists(entry)) {
                throw new HandlerLoadException("classpath entry " + entry + " of function " + settings.name()
                        + " does not exist; check --classpath");
            }
        }
        ClassLoader loader = settings.classpath().isEmpty()
                ? loaders.apigw()
                : loaders.forClasspath(settings.classpath());
        return load(settings, loader);
    }

    /**
     * Wraps a handler object: a {@code RequestHandler}, a {@code RequestStreamHandler}, or any object with a public
     * {@code handleRequest} method. The {@code Context} shows the function name each invocation is called with.
     */
    public static JavaHandlerFunction forInstance(FunctionSettings settings, Object handler) {
        HandlerCall call = HandlerCalls.forInstance(settings, handler);
        return new JavaHandlerFunction(settings, handler.getClass(), call, HandlerCalls.loaderOf(handler));
    }

    public FunctionSettings settings() {
        return settings;
    }

    Class<?> handlerClass() {
        return handlerClass;
    }

    @Override
    public InvocationResult invoke(byte[] payload, InvocationOptions options) {
        Duration timeout = settings.timeout();
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        LocalLambdaContext context = new LocalLambdaContext(
                options.requestId(), options.functionName(), logStreamName, settings.memorySizeMb(), deadlineNanos);
        Invocation invocation = new Invocation(call, payload, context);
        Future<InvocationResult> result = workers.submit(invocation);
        Duration callerDeadline = options.deadline();
        boolean callerGivesUpFirst = callerDeadline != null && callerDeadline.compareTo(timeout) < 0;
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
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for function " + options.functionName());
        } catch (ExecutionException e) {
            // Invocation catches everything the handler throws, so this is a bug in apigw.
            throw new IllegalStateException("invoking function " + options.functionName() + " failed", e.getCause());
        }
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

    private void reportIfStuck(Invocation invocation) {
        Thread worker = invocation.worker();
        if (worker == null) {
            return;
        }
        StackTraceElement[] frames = worker.getStackTrace();
        LOG.warn("function {} (request {}) timed out and was interrupted, but thread {} is still running it at {}; "
                        + "make the handler stop when interrupted, as AWS would have stopped it",
                settings.name(), invocation.requestId(), worker.getName(), frames.length > 0 ? frames[0] : "?");
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
