package dev.apigw.lambda.java;

import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The lines Lambda writes around every invocation in the function's log, here at INFO on the function's SLF4J logger
 * {@code dev.apigw.lambda.function.<name>}, where the handler's own lines go too: {@code START RequestId: <id>
 * Version: $LATEST}, the handler's output, {@code END RequestId: <id>} and the {@link InvocationReport REPORT} line
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html">Sending Lambda function logs
 * to CloudWatch Logs</a>). A timeout writes Lambda's {@code <id> Task timed out after 3.00 seconds} first.
 *
 * <p>Max Memory Used is an estimate: the heap the whole JVM uses when the invocation ends, rounded up to a megabyte,
 * at most the function's memory size (Lambda never reports more than it allows). Every function in apigw shares that
 * heap, so the figure shows pressure rather than what one function holds.
 */
final class InvocationLog {

    private final Logger log;
    private final String requestId;
    private final int memorySizeMb;
    private final @Nullable Duration initDuration;
    private final @Nullable Consumer<String> lines;

    InvocationLog(String functionName, String requestId, int memorySizeMb, @Nullable Duration initDuration,
            @Nullable Consumer<String> lines) {
        this.log = LocalLambdaContext.functionLogger(functionName);
        this.requestId = requestId;
        this.memorySizeMb = memorySizeMb;
        this.initDuration = initDuration;
        this.lines = lines;
    }

    void start() {
        if (wanted()) {
            info("START RequestId: " + requestId + " Version: " + LocalLambdaContext.FUNCTION_VERSION);
        }
    }

    void finished(Duration duration) {
        if (wanted()) {
            end(new InvocationReport(requestId, duration, initDuration, memorySizeMb, maxMemoryUsedMb(), false));
        }
    }

    /** The lines cost a few microseconds to build; skip them when nobody reads them. */
    private boolean wanted() {
        return lines != null || log.isInfoEnabled();
    }

    /** Lambda reports a timed-out invocation as lasting exactly the timeout. */
    void timedOut(Duration timeout) {
        String line = requestId + " Task timed out after " + FunctionErrors.seconds(timeout) + " seconds";
        log.warn(line);
        tail(line);
        end(new InvocationReport(requestId, timeout, initDuration, memorySizeMb, maxMemoryUsedMb(), true));
    }

    private void end(InvocationReport report) {
        info("END RequestId: " + requestId);
        info(report.line());
    }

    private void info(String line) {
        log.info(line);
        tail(line);
    }

    private void tail(String line) {
        if (lines != null) {
            lines.accept(line);
        }
    }

    private int maxMemoryUsedMb() {
        Runtime runtime = Runtime.getRuntime();
        long usedBytes = runtime.totalMemory() - runtime.freeMemory();
        long usedMb = (usedBytes + (1 << 20) - 1) >> 20;
        return (int) Math.min(usedMb, memorySizeMb);
    }
}
