package dev.apigw.lambda.java;

import dev.apigw.lambda.LocalAccount;
import static java.util.Objects.requireNonNull;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Context} a handler receives, filled as Lambda fills it for a function invoked through API Gateway
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/java-context.html">Using the Lambda context object to
 * retrieve Java function information</a>): version {@code $LATEST}, an ARN in account {@code 000000000000} and region
 * {@code us-east-1}, no Cognito identity and no client context. The remaining time counts down from the start of the
 * invocation to its timeout.
 */
public final class LocalLambdaContext implements Context {

    static final String FUNCTION_VERSION = "$LATEST";
    private static final String ARN_PREFIX = "arn:aws:lambda:" + LocalAccount.REGION + ":" + LocalAccount.ID + ":function:";
    private static final String FUNCTION_LOGGER_PREFIX = "dev.apigw.lambda.function.";
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String requestId;
    private final String functionName;
    private final String logStreamName;
    private final int memoryLimitInMb;
    private final long deadlineNanos;
    private final Slf4jLambdaLogger logger;

    /**
     * @param logStreamName the stream of the execution environment, from {@link #newLogStreamName()}
     * @param deadlineNanos {@link System#nanoTime()} at which the invocation times out
     */
    public LocalLambdaContext(
            String requestId, String functionName, String logStreamName, int memoryLimitInMb, long deadlineNanos) {
        this(requestId, functionName, logStreamName, memoryLimitInMb, deadlineNanos, null);
    }

    /** @param logLines also receives each line the handler logs, as the invocation's log tail */
    LocalLambdaContext(String requestId, String functionName, String logStreamName, int memoryLimitInMb,
            long deadlineNanos, @Nullable Consumer<String> logLines) {
        this.requestId = requireNonNull(requestId, "requestId");
        this.functionName = requireNonNull(functionName, "functionName");
        this.logStreamName = requireNonNull(logStreamName, "logStreamName");
        this.memoryLimitInMb = memoryLimitInMb;
        this.deadlineNanos = deadlineNanos;
        this.logger = new Slf4jLambdaLogger(functionLogger(functionName), requestId, logLines);
    }

    /** Where the invocation's own lines (START, END, REPORT) also go; null when only SLF4J gets them. */
    @Nullable Consumer<String> logLines() {
        return logger.lines();
    }

    /** Where a function's own log lines go: SLF4J logger {@code dev.apigw.lambda.function.<name>}. */
    static Logger functionLogger(String functionName) {
        return LoggerFactory.getLogger(FUNCTION_LOGGER_PREFIX + functionName);
    }

    /** A log stream name as Lambda gives each execution environment: {@code 2026/11/27/[$LATEST]<32 hex digits>}. */
    public static String newLogStreamName() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + FUNCTION_VERSION + "]"
                + HexFormat.of().formatHex(id);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return FUNCTION_VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn(functionName);
    }

    /** The ARN a function of this name has locally, as Lambda shows it; an ARN given as the name stays as it is. */
    public static String functionArn(String functionName) {
        return functionName.startsWith("arn:") ? functionName : ARN_PREFIX + functionName;
    }

    @Override
    public @Nullable CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public @Nullable ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remainingNanos = deadlineNanos - System.nanoTime();
        return (int) Math.max(0, remainingNanos / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String toString() {
        return "LocalLambdaContext[" + functionName + ", " + requestId + "]";
    }
}
