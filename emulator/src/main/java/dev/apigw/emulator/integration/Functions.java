package dev.apigw.emulator.integration;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import dev.apigw.emulator.RecordedInvocation;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.TooManyRequestsException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.jspecify.annotations.Nullable;

/**
 * The functions one gateway can call, by name: those it was started with, plus per-test stubs that take
 * precedence until {@link #clearStubs()}. Every call is recorded in {@link Invocations}.
 */
public final class Functions {
    private final Map<String, LambdaFunction> registered;
    private final Map<String, LambdaFunction> stubs = new ConcurrentHashMap<>();
    private final Invocations invocations = new Invocations();

    public Functions(Map<String, LambdaFunction> registered) {
        this.registered = Map.copyOf(registered);
    }

    public boolean contains(String name) {
        return registered.containsKey(name) || stubs.containsKey(name);
    }

    public Invocations invocations() {
        return invocations;
    }

    public void stub(String name, LambdaFunction function) {
        stubs.put(name, function);
    }

    public void clearStubs() {
        stubs.clear();
    }

    /** Calls the function and records the call; a missing function is a configuration error of the caller. */
    public InvocationResult invoke(String name, byte[] payload, InvocationOptions options) {
        LambdaFunction function = lookup(name).orElseThrow(() -> new IllegalStateException("no function " + name));
        try {
            InvocationResult result = function.invoke(payload, options);
            record(name, payload, options, result, null);
            return result;
        } catch (DeadlineExceededException | TooManyRequestsException e) {
            record(name, payload, options, null, e);
            throw e;
        }
    }

    /**
     * Calls the function with its work handed to {@code runner} (see {@link LambdaFunction#invokeAsync}) and records
     * the call once it is answered.
     */
    public CompletableFuture<InvocationResult> invokeAsync(String name, byte[] payload, InvocationOptions options,
            Executor runner) {
        LambdaFunction function = lookup(name).orElseThrow(() -> new IllegalStateException("no function " + name));
        return function.invokeAsync(payload, options, runner).whenComplete((result, failure) ->
                record(name, payload, options, result, failure == null ? null : IntegrationInvoker.cause(failure)));
    }

    /**
     * Records an answered call, one the caller gave up on (no payload), or one Lambda refused to run (the test sees
     * the attempt and why); other failures are apigw's, not the function's.
     */
    private void record(String name, byte[] payload, InvocationOptions options, @Nullable InvocationResult result,
            @Nullable Throwable failure) {
        if (result != null) {
            String errorType = result instanceof InvocationResult.FunctionError e ? e.errorType() : null;
            invocations.record(new RecordedInvocation(name, options.requestId(), text(payload),
                    result.payloadAsString(), errorType));
        } else if (failure instanceof DeadlineExceededException) {
            invocations.record(new RecordedInvocation(name, options.requestId(), text(payload), null, null));
        } else if (failure instanceof TooManyRequestsException) {
            invocations.record(new RecordedInvocation(name, options.requestId(), text(payload), null,
                    "TooManyRequestsException"));
        }
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private Optional<LambdaFunction> lookup(String name) {
        LambdaFunction stub = stubs.get(name);
        return Optional.ofNullable(stub != null ? stub : registered.get(name));
    }
}
