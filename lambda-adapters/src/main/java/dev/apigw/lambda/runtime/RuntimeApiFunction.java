package dev.apigw.lambda.runtime;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.TooManyRequestsException;
import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.LocalLambdaContext;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function run out of process, as Lambda runs it: a runtime process (AWS's Java runtime interface client for
 * {@code java17}/{@code java21}, the function's own {@code bootstrap} for {@code provided}) that fetches events from
 * and posts answers to the Lambda Runtime API, which apigw serves on a loopback port for each process.
 *
 * <p>Each invocation runs in an execution environment of its own: an idle one is reused, else a new process is
 * started (a cold start: the invocation waits for the runtime's first {@code /next}), so concurrent requests run in
 * parallel as on AWS, up to the function's reserved concurrency, beyond which invocations are throttled with
 * {@link TooManyRequestsException}. An invocation that outlives the function timeout ends with
 * {@code Sandbox.Timedout} and its process is killed; a process that exits, or reports an init error, fails the
 * invocation ({@code Runtime.ExitError}, or the error it posted) and the next invocation starts a new one. A caller
 * deadline shorter than that throws {@link DeadlineExceededException}, while the invocation runs on to its own end.
 *
 * <p>The process and the check of its code happen at {@link #start}; processes start on demand.
 */
public final class RuntimeApiFunction implements LambdaFunction, AutoCloseable {
    /** Lambda's limit on the init phase of an on-demand environment [D: "Lambda execution environment"]. */
    static final Duration INIT_LIMIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeApiFunction.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FunctionSettings settings;
    private final String runtime;
    private final RuntimeCommand command;
    private final ExecutorService invocations;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Set<ExecutionEnvironment> environments = new LinkedHashSet<>();
    private int busy;
    private boolean closed;

    private RuntimeApiFunction(FunctionSettings settings, String runtime, RuntimeCommand command) {
        this.settings = settings;
        this.runtime = runtime;
        this.command = command;
        this.invocations = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "apigw-lambda-" + settings.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Checks the function's code and runtime now, so that a missing bootstrap or JDK fails the gateway's startup.
     *
     * @param runtime {@code java17}, {@code java21} or {@code provided}
     * @param code the function's code: a directory (or, for Java, a jar)
     * @throws HandlerLoadException when the function cannot run; the message says how to fix it
     */
    public static RuntimeApiFunction start(FunctionSettings settings, String runtime, Path code) {
        RuntimeCommand command = RuntimeCommand.of(settings, runtime, code);
        LOG.info("function {}: runtime {} with code {}, started on first invocation", settings.name(), runtime,
                command.taskRoot());
        return new RuntimeApiFunction(settings, runtime, command);
    }

    @Override
    public InvocationResult invoke(byte[] payload, InvocationOptions options) {
        ExecutionEnvironment environment;
        try {
            environment = acquire();
        } catch (UncheckedIOException e) {
            return RuntimeErrorDocuments.invalidEntrypoint(options.requestId(), e.getCause().getMessage());
        }
        Future<InvocationResult> result = invocations.submit(() -> run(environment, payload, options));
        Duration callerDeadline = options.deadline();
        try {
            // run() itself is bounded by the init limit and the function timeout.
            return callerDeadline == null ? result.get() : result.get(callerDeadline.toNanos(), NANOSECONDS);
        } catch (TimeoutException e) {
            throw new DeadlineExceededException(options.functionName(), callerDeadline);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for function " + options.functionName());
        } catch (ExecutionException e) {
            throw new IllegalStateException("invoking function " + options.functionName() + " failed", e.getCause());
        }
    }

    private InvocationResult run(ExecutionEnvironment environment, byte[] payload, InvocationOptions options)
            throws InterruptedException {
        String requestId = options.requestId();
        Duration timeout = settings.timeout();
        try {
            // A slow init is retried within the invocation on AWS, so it may use the function timeout too.
            Optional<RuntimeOutcome> initFailure = environment.awaitInit(INIT_LIMIT.plus(timeout));
            if (initFailure.isPresent()) {
                environment.kill();
                return toResult(initFailure.get(), requestId);
            }
            RuntimeInvocation invocation = new RuntimeInvocation(requestId, payload,
                    System.currentTimeMillis() + timeout.toMillis(), functionArn(options.functionName()), traceId());
            return toResult(environment.invoke(invocation, timeout), requestId);
        } catch (TimeoutException e) {
            LOG.info("function {} (request {}) timed out after {} ms; killing its runtime process", settings.name(),
                    requestId, timeout.toMillis());
            environment.kill();
            return RuntimeErrorDocuments.timedOut(requestId, timeout);
        } catch (InterruptedException e) {
            environment.kill();
            throw e;
        } finally {
            release(environment);
        }
    }

    private static InvocationResult toResult(RuntimeOutcome outcome, String requestId) {
        if (outcome instanceof RuntimeOutcome.Response response) {
            return new InvocationResult.Success(response.body());
        }
        if (outcome instanceof RuntimeOutcome.FunctionError error) {
            return RuntimeErrorDocuments.posted(error.errorType(), error.body());
        }
        if (outcome instanceof RuntimeOutcome.InitError error) {
            return RuntimeErrorDocuments.posted(error.errorType(), error.body());
        }
        return RuntimeErrorDocuments.exited(requestId, ((RuntimeOutcome.Exited) outcome).exitCode());
    }

    private ExecutionEnvironment acquire() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("function " + settings.name() + " is closed");
            }
            for (ExecutionEnvironment environment = idle.poll(); environment != null; environment = idle.poll()) {
                if (environment.isRunning()) {
                    busy++;
                    return environment;
                }
                forget(environment);
            }
            Integer reserved = settings.reservedConcurrency();
            if (reserved != null && busy >= reserved) {
                throw new TooManyRequestsException("Rate Exceeded.");
            }
            busy++;
        }
        try {
            ExecutionEnvironment environment = ExecutionEnvironment.start(settings, runtime, command);
            boolean closedMeanwhile;
            synchronized (this) {
                environments.add(environment);
                closedMeanwhile = closed;
            }
            if (closedMeanwhile) {
                environment.kill();
            }
            return environment;
        } catch (RuntimeException e) {
            synchronized (this) {
                busy--;
            }
            throw e;
        }
    }

    private synchronized void release(ExecutionEnvironment environment) {
        busy--;
        if (!closed && environment.isRunning()) {
            idle.push(environment);
        } else {
            forget(environment);
        }
    }

    private void forget(ExecutionEnvironment environment) {
        environment.kill();
        environments.remove(environment);
    }

    private static String functionArn(String functionName) {
        return LocalLambdaContext.functionArn(functionName);
    }

    /** An X-Ray trace header as Lambda passes it, not sampled: apigw records no traces. */
    private static String traceId() {
        byte[] id = new byte[12];
        byte[] parent = new byte[8];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(parent);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(id)
                + ";Parent=" + HexFormat.of().formatHex(parent) + ";Sampled=0";
    }

    /** Kills every runtime process and stops their Runtime APIs. */
    @Override
    public void close() {
        List<ExecutionEnvironment> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(environments);
            environments.clear();
            idle.clear();
        }
        running.forEach(ExecutionEnvironment::kill);
        invocations.shutdownNow();
    }

    @Override
    public String toString() {
        return "RuntimeApiFunction[" + settings.name() + ", " + runtime + "]";
    }
}
