package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.FUNCTION;
import static dev.apigw.lambda.java.TestFunctions.HANDLERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.java.handlers.Gates;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaHandlerFunction#invokeAsync}: the handler runs on the thread the caller's runner gives it, while the
 * function's timeout and the caller's deadline still complete the result on time from another thread.
 */
class InlineInvocationTest {
    private final TestFunctions functions = new TestFunctions();
    private final Gates.Gate gate = Gates.create();

    @AfterEach
    void cleanUp() {
        gate.close();
        functions.close();
    }

    private JavaHandlerFunction gated(Duration timeout) {
        return functions.load(FunctionSettings.defaults(FUNCTION).withHandler(HANDLERS + "GatedHandler")
                .withTimeout(timeout));
    }

    private byte[] atTheGate() {
        return ("{\"gate\":\"" + gate.name() + "\"}").getBytes(UTF_8);
    }

    @Test
    void the_handler_runs_on_the_runners_thread_with_the_functions_class_loader() throws Exception {
        JavaHandlerFunction function = functions.load("GatedHandler");
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<ClassLoader> loaderAfter = new AtomicReference<>();
        ClassLoader callersLoader = new ClassLoader(null) { };
        Thread.currentThread().setContextClassLoader(callersLoader);

        CompletableFuture<InvocationResult> result = function.invokeAsync("{}".getBytes(UTF_8),
                InvocationOptions.of("r-1", FUNCTION), task -> {
                    ranOn.set(Thread.currentThread());
                    task.run();
                    loaderAfter.set(Thread.currentThread().getContextClassLoader());
                });

        assertThat(result).isCompletedWithValueMatching(InvocationResult.Success.class::isInstance);
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(loaderAfter.get()).as("the caller's context class loader is restored").isSameAs(callersLoader);
    }

    @Test
    void nothing_runs_until_the_runner_runs_it() {
        JavaHandlerFunction function = functions.load("GatedHandler");
        AtomicReference<Runnable> held = new AtomicReference<>();

        CompletableFuture<InvocationResult> result = function.invokeAsync("{}".getBytes(UTF_8),
                InvocationOptions.of("r-1", FUNCTION), held::set);
        assertThat(result).isNotDone();

        held.get().run();
        assertThat(result).isCompletedWithValueMatching(InvocationResult.Success.class::isInstance);
    }

    @Test
    void the_function_timeout_answers_while_the_handler_still_runs_and_the_thread_is_not_left_interrupted()
            throws Exception {
        JavaHandlerFunction function = gated(Duration.ofMillis(200));
        AtomicBoolean interruptedAfterwards = new AtomicBoolean(true);
        CompletableFuture<InvocationResult> result = function.invokeAsync(atTheGate(),
                InvocationOptions.of("r-timeout", FUNCTION), task -> {
                    Thread thread = new Thread(() -> {
                        task.run();
                        interruptedAfterwards.set(Thread.currentThread().isInterrupted());
                    });
                    thread.start();
                });

        InvocationResult answer = result.get(5, TimeUnit.SECONDS);
        assertThat(answer).isInstanceOfSatisfying(InvocationResult.FunctionError.class,
                error -> assertThat(error.errorMessage()).isEqualTo(
                        "RequestId: r-timeout Error: Task timed out after 0.20 seconds"));
        // The handler was interrupted at the gate; the environment is dropped, and the thread goes on clean.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (function.instances().running() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(function.instances().running()).isZero();
        Thread.sleep(50);
        assertThat(interruptedAfterwards).isFalse();
    }

    @Test
    void the_callers_deadline_completes_the_result_while_the_function_keeps_its_environment() throws Exception {
        JavaHandlerFunction function = gated(Duration.ofSeconds(3));
        CompletableFuture<InvocationResult> result = function.invokeAsync(atTheGate(),
                new InvocationOptions("r-deadline", FUNCTION, Duration.ofMillis(100)),
                task -> new Thread(task).start());

        assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DeadlineExceededException.class)
                .hasMessage("function GetPet did not answer within 100 ms");
        assertThat(function.instances().running()).isEqualTo(1);

        gate.open();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (function.instances().running() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(function.instances().running()).isZero();
        assertThat(function.instances().created()).as("the environment was given back, not dropped").isEqualTo(1);
    }
}
