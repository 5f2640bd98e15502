package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.FUNCTION;
import static dev.apigw.lambda.java.TestFunctions.HANDLERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.TooManyRequestsException;
import dev.apigw.lambda.java.handlers.GatedHandler;
import dev.apigw.lambda.java.handlers.Gates;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Warm instances, reserved concurrency and throttling of {@link JavaHandlerFunction}, with real handler classes. */
class FunctionConcurrencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestFunctions functions = new TestFunctions();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Gates.Gate gate = Gates.create();

    @AfterEach
    void cleanUp() throws InterruptedException {
        gate.close();
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        functions.close();
    }

    private JavaHandlerFunction gated(@Nullable Integer reservedConcurrency) {
        return functions.load(FunctionSettings.defaults(FUNCTION).withHandler(HANDLERS + "GatedHandler")
                .withReservedConcurrency(reservedConcurrency));
    }

    private Future<InvocationResult> startBlocked(JavaHandlerFunction function) {
        return callers.submit(() -> invoke(function, "{\"gate\":\"" + gate.name() + "\"}"));
    }

    private static InvocationResult invoke(JavaHandlerFunction function, String payload) {
        return function.invoke(payload.getBytes(UTF_8), InvocationOptions.of(UUID.randomUUID().toString(), FUNCTION));
    }

    private static JsonNode answer(Future<InvocationResult> result) throws Exception {
        return answer(result.get(10, TimeUnit.SECONDS));
    }

    private static JsonNode answer(InvocationResult result) throws IOException {
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        return JSON.readTree(result.payload());
    }

    @Test
    void concurrent_invocations_run_on_separate_instances_created_on_demand() throws Exception {
        JavaHandlerFunction function = gated(null);
        Future<InvocationResult> first = startBlocked(function);
        Future<InvocationResult> second = startBlocked(function);
        assertThat(gate.awaitArrivals(2)).isTrue();

        gate.open();
        JsonNode a = answer(first);
        JsonNode b = answer(second);

        assertThat(a.get("instance")).isNotEqualTo(b.get("instance"));
        assertThat(a.get("logStream")).isNotEqualTo(b.get("logStream"));
        assertThat(function.instances().created()).isEqualTo(2);
    }

    @Test
    void an_idle_instance_is_reused_instead_of_creating_another() throws Exception {
        JavaHandlerFunction function = gated(null);

        JsonNode first = answer(invoke(function, "{}"));
        JsonNode second = answer(invoke(function, "{}"));

        assertThat(second.get("instance")).isEqualTo(first.get("instance"));
        assertThat(second.get("calls").asInt()).isEqualTo(2);
        assertThat(function.instances().created()).isEqualTo(1);
    }

    @Test
    void an_invocation_over_the_reserved_concurrency_is_throttled_without_running_the_handler() throws Exception {
        JavaHandlerFunction function = gated(1);
        Future<InvocationResult> running = startBlocked(function);
        assertThat(gate.awaitArrivals(1)).isTrue();

        assertThatThrownBy(() -> invoke(function, "{}"))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessage("Rate Exceeded.");

        gate.open();
        assertThat(answer(running).get("calls").asInt()).isEqualTo(1);
        assertThat(function.instances().created()).isEqualTo(1);
    }

    @Test
    void the_concurrency_is_free_again_when_an_invocation_ends() throws Exception {
        JavaHandlerFunction function = gated(1);
        gate.open();

        answer(invoke(function, "{\"gate\":\"" + gate.name() + "\"}"));
        JsonNode next = answer(invoke(function, "{}"));

        assertThat(next.get("calls").asInt()).isEqualTo(2);
        assertThat(function.instances().running()).isZero();
    }

    @Test
    void reserved_concurrency_zero_throttles_every_invocation() {
        JavaHandlerFunction function = gated(0);

        assertThatThrownBy(() -> invoke(function, "{}")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void a_timed_out_invocation_frees_its_concurrency_and_its_instance_is_not_reused() throws Exception {
        JavaHandlerFunction function = functions.load(FunctionSettings.defaults(FUNCTION)
                .withHandler(HANDLERS + "GatedHandler").withReservedConcurrency(1)
                .withTimeout(Duration.ofMillis(200)));
        InvocationResult timedOut = invoke(function, "{\"gate\":\"" + gate.name() + "\"}");
        assertThat(timedOut).isInstanceOfSatisfying(InvocationResult.FunctionError.class,
                error -> assertThat(error.errorType()).isEqualTo("Sandbox.Timedout"));

        gate.open();
        JsonNode next = answer(invoke(function, "{}"));

        assertThat(next.get("calls").asInt()).isEqualTo(1);
        assertThat(function.instances().created()).isEqualTo(2);
    }

    @Test
    void a_handler_object_is_shared_by_its_environments() throws Exception {
        Object handler = new GatedHandler();
        JavaHandlerFunction function = functions.forInstance(handler);
        Future<InvocationResult> first = startBlocked(function);
        Future<InvocationResult> second = startBlocked(function);
        assertThat(gate.awaitArrivals(2)).isTrue();

        gate.open();
        List<JsonNode> answers = List.of(answer(first), answer(second));

        assertThat(answers.get(0).get("instance")).isEqualTo(answers.get(1).get("instance"));
        assertThat(answers.get(0).get("logStream")).isNotEqualTo(answers.get(1).get("logStream"));
    }

    @Test
    void an_interrupted_caller_never_keeps_the_concurrency_it_held() throws Exception {
        JavaHandlerFunction function = gated(1);
        gate.open();
        for (int i = 0; i < 20; i++) {
            // An interrupted caller gives up at once, often before a worker has even started the invocation.
            Thread.currentThread().interrupt();
            try {
                invoke(function, "{}");
            } catch (CancellationException | TooManyRequestsException expected) {
                // the call was given up, or throttled by a slot an earlier give-up leaked
            } finally {
                Thread.interrupted();
            }
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (function.instances().running() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(function.instances().running()).isZero();
        assertThat(answer(invoke(function, "{}")).get("calls").asInt()).isPositive();
    }
}
