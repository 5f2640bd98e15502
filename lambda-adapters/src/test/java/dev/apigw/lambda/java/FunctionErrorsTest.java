package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.REQUEST_ID;
import static dev.apigw.lambda.java.TestFunctions.invoke;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.InvocationResult.FunctionError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FunctionErrorsTest {

    private static final String THROWER = "dev.apigw.lambda.java.handlers.ThrowingHandler";
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final TestFunctions functions = new TestFunctions();

    @AfterEach
    void closeFunctions() {
        functions.close();
    }

    private FunctionError failure(String handler, String payload) {
        InvocationResult result = invoke(functions.load(handler), payload);
        assertThat(result).isInstanceOf(FunctionError.class);
        return (FunctionError) result;
    }

    @Nested
    class ThrownByTheHandler {

        @Test
        void returns_function_error_when_handler_throws() {
            FunctionError error = failure("ThrowingHandler", "{\"kind\":\"exception\"}");

            assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.errorMessage()).isEqualTo("pet store is closed");
            // The handler's frame, then its bridge method, and nothing of apigw's or the worker pool's.
            assertThat(error.stackTrace()).containsExactly(
                    THROWER + ".handleRequest(ThrowingHandler.java:13)",
                    THROWER + ".handleRequest(ThrowingHandler.java:8)");
        }

        @Test
        void writes_the_java_runtime_error_document() {
            FunctionError error = failure("ThrowingHandler", "{\"kind\":\"exception\"}");

            assertThat(error.payloadAsString()).isEqualTo("{\"errorMessage\":\"pet store is closed\","
                    + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":["
                    + "\"" + THROWER + ".handleRequest(ThrowingHandler.java:13)\","
                    + "\"" + THROWER + ".handleRequest(ThrowingHandler.java:8)\"]}");
        }

        @Test
        void reports_errors_as_well_as_exceptions() {
            FunctionError error = failure("ThrowingHandler", "{\"kind\":\"error\"}");

            assertThat(error.errorType()).isEqualTo("java.lang.AssertionError");
            assertThat(error.errorMessage()).isEqualTo("invariant broken");
        }

        @Test
        void uses_the_class_name_as_message_when_the_exception_has_none() {
            FunctionError error = failure("ThrowingHandler", "{\"kind\":\"no-message\"}");

            assertThat(error.errorMessage()).isEqualTo("java.lang.UnsupportedOperationException");
        }

        @Test
        void keeps_the_reflection_frames_of_a_method_handler_as_the_runtime_shows_them() {
            FunctionError error = failure("GreeterMethods::refuse", "\"Rex\"");

            assertThat(error.errorMessage()).isEqualTo("no Rex");
            assertThat(error.stackTrace().get(0)).startsWith(
                    "dev.apigw.lambda.java.handlers.GreeterMethods.refuse(GreeterMethods.java:");
            assertThat(error.stackTrace()).last().asString().startsWith("java.base/java.lang.reflect.Method.invoke(");
        }
    }

    @Nested
    class Serialization {

        @Test
        void reports_a_payload_that_does_not_fit_the_event_type_as_the_runtime_does() {
            FunctionError error = failure("PetHandler", "[\"not\", \"a\", \"pet\"]");

            assertThatJson(error.payloadAsString()).isEqualTo("""
                    {"errorMessage":"An error occurred during JSON parsing",
                     "errorType":"java.lang.RuntimeException","stackTrace":[]}""");
        }

        @Test
        void reports_a_payload_that_is_not_json() {
            FunctionError error = failure("MapHandler", "{not json");

            assertThat(error.errorMessage()).isEqualTo("An error occurred during JSON parsing");
        }
    }

    @Nested
    class Timeouts {

        @Test
        void returns_sandbox_timedout_when_the_function_runs_past_its_timeout() {
            JavaHandlerFunction slow = functions.load("SlowHandler", TIMEOUT);
            long start = System.nanoTime();

            InvocationResult result = invoke(slow, "{\"millis\":5000}");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(result).isInstanceOf(FunctionError.class);
            assertThat(result.payloadAsString()).isEqualTo("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":"
                    + "\"RequestId: " + REQUEST_ID + " Error: Task timed out after 0.20 seconds\"}");
            assertThat(((FunctionError) result).stackTrace()).isEmpty();
        }

        @Test
        void answers_normally_within_the_timeout() {
            JavaHandlerFunction slow = functions.load("SlowHandler", TIMEOUT);

            assertThat(invoke(slow, "{\"millis\":1}").payloadAsString()).isEqualTo("\"done\"");
        }

        @Test
        void throws_deadline_exceeded_when_the_caller_deadline_is_shorter_than_the_timeout() {
            JavaHandlerFunction slow = functions.load("SlowHandler", Duration.ofSeconds(3));
            var options = new InvocationOptions(REQUEST_ID, "GetPet", Duration.ofMillis(100));

            assertThatThrownBy(() -> slow.invoke(bytes("{\"millis\":5000}"), options))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessage("function GetPet did not answer within 100 ms");
        }

        @Test
        void times_out_as_a_function_error_when_the_caller_deadline_is_longer() {
            JavaHandlerFunction slow = functions.load("SlowHandler", TIMEOUT);
            var options = new InvocationOptions(REQUEST_ID, "GetPet", Duration.ofSeconds(29));

            InvocationResult result = slow.invoke(bytes("{\"millis\":5000}"), options);

            assertThat(((FunctionError) result).errorType()).isEqualTo("Sandbox.Timedout");
        }

        @Test
        void warns_about_a_handler_that_keeps_running_after_its_timeout() throws InterruptedException {
            JavaHandlerFunction stubborn = functions.load("StubbornHandler", Duration.ofMillis(100));
            try (LogRecorder log = LogRecorder.of(JavaHandlerFunction.class.getName())) {
                // Still running well after the report is due, even on a busy machine.
                invoke(stubborn, "{\"millis\":1500}");

                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (log.lines().isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(log.lines()).singleElement().asString()
                        .startsWith("WARNING function GetPet (request " + REQUEST_ID + ") timed out and was"
                                + " interrupted, but thread apigw-lambda-GetPet-1 is still running it at ")
                        .contains("dev.apigw.lambda.java.handlers.StubbornHandler.handleRequest(StubbornHandler.java:")
                        .endsWith("make the handler stop when interrupted, as AWS would have stopped it");
            }
        }

        @Test
        void logs_the_timeout_to_the_function_log_as_lambda_does() {
            try (LogRecorder log = LogRecorder.of("dev.apigw.lambda.function.GetPet")) {
                invoke(functions.load("SlowHandler", TIMEOUT), "{\"millis\":5000}");

                assertThat(log.lines()).contains("WARNING " + REQUEST_ID + " Task timed out after 0.20 seconds");
            }
        }
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
