package dev.apigw.lambda.java;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The figures of Lambda's {@code REPORT} log line, and the line itself as CloudWatch shows it, fields separated by
 * tabs: {@code REPORT RequestId: <id>\tDuration: 12.68 ms\tBilled Duration: 309 ms\tMemory Size: 512 MB\tMax Memory
 * Used: 93 MB\tInit Duration: 295.33 ms}, with {@code \tStatus: timeout} appended when the invocation timed out
 * [K captured REPORT lines, 2023–2026].
 *
 * <p>Billed Duration is rounded up to the next millisecond (Lambda's granularity since December 2020) and, on a cold
 * start, includes the Init Duration: since 1 August 2025 Lambda bills the init phase of on-demand functions on managed
 * runtimes as well [K AWS Compute Blog "AWS Lambda standardizes billing for INIT Phase"; REPORT captured 2026-05-15:
 * Duration 12.68 ms + Init Duration 295.33 ms = Billed Duration 309 ms].
 *
 * @param initDuration how long the environment took to initialise, on a cold start; null on a warm one
 */
record InvocationReport(String requestId, Duration duration, @Nullable Duration initDuration, int memorySizeMb,
        int maxMemoryUsedMb, boolean timedOut) {

    long billedMillis() {
        long billedNanos = duration.toNanos() + (initDuration == null ? 0 : initDuration.toNanos());
        return Math.max(1, (billedNanos + 999_999) / 1_000_000);
    }

    String line() {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(duration)).append(" ms")
                .append("\tBilled Duration: ").append(billedMillis()).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        if (initDuration != null) {
            line.append("\tInit Duration: ").append(millis(initDuration)).append(" ms");
        }
        if (timedOut) {
            line.append("\tStatus: timeout");
        }
        return line.toString();
    }

    /** Milliseconds with two decimals, rounded half up, as {@code %.2f} prints them (without its per-call cost). */
    static String millis(Duration duration) {
        long hundredths = (duration.toNanos() + 5_000) / 10_000;
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
