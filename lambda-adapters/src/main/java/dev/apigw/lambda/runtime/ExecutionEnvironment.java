package dev.apigw.lambda.runtime;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.apigw.lambda.java.FunctionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution environment: a runtime process and the Runtime API it talks to. Like Lambda's, it runs one
 * invocation at a time and is reused until its process ends or is killed (after a timeout, or at close).
 */
final class ExecutionEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEnvironment.class);

    private final String functionName;
    private final RuntimeApiState state;
    private final RuntimeApiServer api;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    /** Set before the kill: a process being destroyed may still look alive for a moment, and must not be reused. */
    private volatile boolean killed;

    private ExecutionEnvironment(String functionName, RuntimeApiState state, RuntimeApiServer api, Process process) {
        this.functionName = functionName;
        this.state = state;
        this.api = api;
        this.process = process;
    }

    /**
     * Starts the runtime process with its own Runtime API.
     *
     * @throws UncheckedIOException when the process cannot be started (the bootstrap is not a program)
     */
    static ExecutionEnvironment start(FunctionSettings settings, String runtime, RuntimeCommand command) {
        RuntimeApiState state = new RuntimeApiState();
        RuntimeApiServer api = RuntimeApiServer.start(settings.name(), state);
        Map<String, String> variables =
                LambdaEnvironmentVariables.of(settings, runtime, command.taskRoot(), api.address());
        ProcessBuilder builder = new ProcessBuilder(command.command()).directory(command.taskRoot().toFile());
        builder.environment().clear();
        builder.environment().putAll(variables);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException(e);
        }
        Logger functionLog = LoggerFactory.getLogger("dev.apigw.lambda.function." + settings.name());
        ProcessOutput.copyToLog(process.getInputStream(), functionLog, "apigw-lambda-" + settings.name() + "-stdout");
        ProcessOutput.copyToLog(process.getErrorStream(), functionLog, "apigw-lambda-" + settings.name() + "-stderr");
        process.onExit().thenAccept(exited -> state.exited(exited.exitValue()));
        LOG.debug("function {}: started runtime process {} with Runtime API {}", settings.name(), process.pid(),
                api.address());
        return new ExecutionEnvironment(settings.name(), state, api, process);
    }

    /**
     * Waits for the end of init: empty when the runtime asked for its first event, else the failure (an init error
     * it reported, or its exit).
     */
    Optional<RuntimeOutcome> awaitInit(Duration limit) throws TimeoutException, InterruptedException {
        boolean cold = !state.initialized().isDone();
        Optional<RuntimeOutcome> failure = await(state.initialized(), limit);
        if (cold && failure.isEmpty()) {
            LOG.info("function {}: runtime initialized in {} ms", functionName,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
        return failure;
    }

    /** Hands {@code invocation} to the runtime and waits up to {@code timeout} for its answer. */
    RuntimeOutcome invoke(RuntimeInvocation invocation, Duration timeout)
            throws TimeoutException, InterruptedException {
        CompletableFuture<RuntimeOutcome> outcome;
        try {
            outcome = state.submit(invocation);
        } catch (IllegalStateException e) {
            // The process ended between init and this invocation.
            return new RuntimeOutcome.Exited(process.waitFor());
        }
        return await(outcome, timeout);
    }

    boolean isRunning() {
        return !killed && process.isAlive() && !state.initialized().isCompletedExceptionally()
                && state.initialized().getNow(Optional.empty()).isEmpty();
    }

    /** Kills the process (and its children) and closes the Runtime API. */
    void kill() {
        killed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        api.close();
    }

    private static <T> T await(CompletableFuture<T> future, Duration limit)
            throws TimeoutException, InterruptedException {
        try {
            return future.get(limit.toNanos(), NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Runtime API failed", e.getCause());
        }
    }
}
