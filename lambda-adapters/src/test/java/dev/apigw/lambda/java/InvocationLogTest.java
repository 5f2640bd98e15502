package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.FUNCTION;
import static dev.apigw.lambda.java.TestFunctions.REQUEST_ID;
import static dev.apigw.lambda.java.TestFunctions.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda's START, END and REPORT lines around each invocation, on the function's logger. */
class InvocationLogTest {
    private static final String REPORT = "INFO REPORT RequestId: " + REQUEST_ID
            + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB";

    private final TestFunctions functions = new TestFunctions();
    private final LogRecorder log = LogRecorder.of("dev.apigw.lambda.function." + FUNCTION);

    @AfterEach
    void cleanUp() {
        log.close();
        functions.close();
    }

    @Test
    void frames_the_handlers_output_with_start_end_and_report() {
        invoke(functions.load("LoggingHandler"), "\"hello\"");

        List<String> lines = log.lines();
        assertThat(lines.get(0)).isEqualTo("INFO START RequestId: " + REQUEST_ID + " Version: $LATEST");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("INFO END RequestId: " + REQUEST_ID);
        assertThat(lines.get(lines.size() - 1)).matches(REPORT + "\tInit Duration: \\d+\\.\\d\\d ms");
        assertThat(lines.subList(1, lines.size() - 2)).isNotEmpty().allMatch(line -> line.contains(REQUEST_ID));
    }

    @Test
    void reports_init_duration_only_on_the_first_invocation_of_an_instance() {
        JavaHandlerFunction function = functions.load("MapHandler");
        invoke(function, "{}");
        invoke(function, "{}");

        List<String> reports = log.lines().stream().filter(line -> line.startsWith("INFO REPORT")).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).contains("\tInit Duration: ");
        assertThat(reports.get(1)).matches(REPORT);
    }

    @Test
    void a_timeout_reports_the_timeout_as_duration_with_status_timeout() {
        JavaHandlerFunction function = functions.load("SlowHandler", Duration.ofMillis(100));
        invoke(function, "{\"millis\": 5000}");

        List<String> lines = log.lines();
        assertThat(lines).contains("WARNING " + REQUEST_ID + " Task timed out after 0.10 seconds");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("INFO END RequestId: " + REQUEST_ID);
        // The first invocation is also a cold start, billed with its init.
        assertThat(lines.get(lines.size() - 1)).matches("INFO REPORT RequestId: " + REQUEST_ID
                + "\tDuration: 100.00 ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB"
                + "\tInit Duration: \\d+\\.\\d\\d ms\tStatus: timeout");
    }
}
