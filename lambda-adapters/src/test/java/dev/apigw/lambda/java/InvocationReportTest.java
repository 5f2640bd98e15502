package dev.apigw.lambda.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvocationReportTest {

    private static Duration millis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    @Test
    void a_warm_invocation_is_billed_its_duration_rounded_up_to_the_millisecond() {
        InvocationReport report = new InvocationReport("r-1", millis(960.45), null, 128, 69, false);

        assertThat(report.line()).isEqualTo("REPORT RequestId: r-1\tDuration: 960.45 ms\tBilled Duration: 961 ms"
                + "\tMemory Size: 128 MB\tMax Memory Used: 69 MB");
    }

    @Test
    void a_cold_start_is_billed_its_init_duration_too() {
        // As captured on AWS in 2026: 12.68 ms + 295.33 ms init = 309 ms billed.
        InvocationReport report = new InvocationReport("r-2", millis(12.68), millis(295.33), 512, 93, false);

        assertThat(report.line()).isEqualTo("REPORT RequestId: r-2\tDuration: 12.68 ms\tBilled Duration: 309 ms"
                + "\tMemory Size: 512 MB\tMax Memory Used: 93 MB\tInit Duration: 295.33 ms");
    }

    @Test
    void a_timeout_ends_with_status_timeout() {
        InvocationReport report = new InvocationReport("r-3", Duration.ofSeconds(3), null, 1024, 64, true);

        assertThat(report.line()).isEqualTo("REPORT RequestId: r-3\tDuration: 3000.00 ms\tBilled Duration: 3000 ms"
                + "\tMemory Size: 1024 MB\tMax Memory Used: 64 MB\tStatus: timeout");
    }
}
