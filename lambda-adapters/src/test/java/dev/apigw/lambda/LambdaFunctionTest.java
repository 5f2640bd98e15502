package dev.apigw.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.apigw.lambda.java.handlers.ContextHandler;
import dev.apigw.lambda.java.handlers.PetHandler;
import dev.apigw.lambda.java.handlers.UppercaseStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaFunctionTest {

    private static final InvocationOptions GET_PET = InvocationOptions.of("request-1", "GetPet");

    private static String invoke(LambdaFunction function, String payload) {
        return function.invoke(payload.getBytes(StandardCharsets.UTF_8), GET_PET).payloadAsString();
    }

    @Test
    void of_runs_a_request_handler_as_the_java_runtime_does() {
        assertThat(invoke(LambdaFunction.of(new PetHandler()), "{\"name\":\"Rex\",\"age\":2}"))
                .isEqualTo("{\"greeting\":\"hello Rex\",\"ageInDogYears\":14}");
    }

    @Test
    void of_gives_a_lambda_expression_its_event_as_a_map() {
        RequestHandler<Map<String, Object>, String> handler = (event, context) -> "name is " + event.get("name");

        assertThat(invoke(LambdaFunction.of(handler), "{\"name\":\"Rex\"}")).isEqualTo("\"name is Rex\"");
    }

    @Test
    void of_shows_the_invoked_function_name_in_the_context() {
        assertThat(invoke(LambdaFunction.of(new ContextHandler()), "{}")).contains("\"functionName\":\"GetPet\"");
    }

    @Test
    void of_stream_runs_a_request_stream_handler() {
        assertThat(invoke(LambdaFunction.ofStream(new UppercaseStreamHandler()), "{\"a\":1}")).isEqualTo("{\"A\":1}");
    }

    @Test
    void of_reports_a_handler_exception_as_a_function_error() {
        RequestHandler<String, String> failing = (event, context) -> {
            throw new IllegalArgumentException("bad pet");
        };

        InvocationResult result = LambdaFunction.of(failing).invoke("\"x\"".getBytes(StandardCharsets.UTF_8), GET_PET);

        assertThat(result).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error -> {
            assertThat(error.errorType()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(error.errorMessage()).isEqualTo("bad pet");
        });
    }
}
