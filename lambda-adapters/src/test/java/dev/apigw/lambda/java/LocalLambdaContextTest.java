package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.REQUEST_ID;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.lambda.InvocationOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalLambdaContextTest {

    private final TestFunctions functions = new TestFunctions();

    @AfterEach
    void closeFunctions() {
        functions.close();
    }

    @Test
    void tells_the_handler_what_lambda_tells_a_function_invoked_by_api_gateway() {
        JavaHandlerFunction function = functions.load(FunctionSettings.defaults("pets")
                .withHandler(TestFunctions.HANDLERS + "ContextHandler")
                .withMemorySizeMb(512));

        String seen = function.invoke("{}".getBytes(StandardCharsets.UTF_8), InvocationOptions.of(REQUEST_ID, "GetPet"))
                .payloadAsString();

        assertThatJson(seen).isEqualTo("""
                {"awsRequestId":"%s",
                 "functionName":"GetPet",
                 "functionVersion":"$LATEST",
                 "invokedFunctionArn":"arn:aws:lambda:us-east-1:000000000000:function:GetPet",
                 "logGroupName":"/aws/lambda/GetPet",
                 "logStreamName":"${json-unit.any-string}",
                 "memoryLimitInMB":512,
                 "remainingTimeInMillis":"${json-unit.any-number}",
                 "identityIsNull":true,
                 "clientContextIsNull":true,
                 "contextClassLoader":"${json-unit.any-string}"}""".formatted(REQUEST_ID));
    }

    @Test
    void counts_the_remaining_time_down_from_the_timeout() {
        LocalLambdaContext context = new LocalLambdaContext(
                REQUEST_ID, "GetPet", "stream", 128, System.nanoTime() + Duration.ofSeconds(3).toNanos());

        assertThat(context.getRemainingTimeInMillis()).isBetween(2_000, 3_000);
    }

    @Test
    void reports_no_time_left_after_the_deadline() {
        LocalLambdaContext context = new LocalLambdaContext(REQUEST_ID, "GetPet", "stream", 128, System.nanoTime() - 1);

        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void names_log_streams_as_lambda_does() {
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));

        assertThat(LocalLambdaContext.newLogStreamName()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}")
                .startsWith(today.substring(0, 4));
    }

    @Test
    void writes_handler_log_lines_to_the_function_logger_prefixed_with_the_request_id() {
        try (LogRecorder log = LogRecorder.of("dev.apigw.lambda.function.GetPet")) {
            TestFunctions.invoke(functions.load("LoggingHandler"), "\"Rex\"");

            assertThat(log.lines()).containsSubsequence(
                    "INFO " + REQUEST_ID + " received Rex",
                    "INFO " + REQUEST_ID + " bytes Rex",
                    "WARNING " + REQUEST_ID + " careful Rex");
        }
    }

    @Test
    void runs_the_handler_with_the_function_class_loader_as_context_class_loader() {
        String seen = TestFunctions.invoke(functions.load("ContextHandler"), "{}").payloadAsString();

        assertThatJson(seen).node("contextClassLoader")
                .isEqualTo(getClass().getClassLoader().getClass().getName());
    }
}
