package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import dev.apigw.lambda.InvocationResult.FunctionError;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The error documents the Invoke API returns for a failed Java function.
 *
 * <p>A thrown exception or error becomes what the Java runtime (aws-lambda-java-runtime-interface-client,
 * {@code LambdaErrorConverter.fromThrowable}) reports: {@code {"errorMessage":…,"errorType":…,"stackTrace":[…]}},
 * where the message is the localized message or, when there is none, the class name, and the stack trace lists the
 * thrown object's own frames (no {@code cause}, unlike the retired Java 8 runtime) down to the first runtime frame.
 * Like the runtime, the document is written by the serialization library's Gson, so escaping matches byte for byte.
 *
 * <p>A timeout becomes what Lambda itself reports: {@code {"errorType":"Sandbox.Timedout","errorMessage":"RequestId:
 * <id> Error: Task timed out after 3.00 seconds"}}, with no stack trace. So do an exit of the runtime process
 * ({@code Runtime.ExitError}, "RequestId: <id> Error: Runtime exited with error: exit status 1", or "Runtime exited
 * without providing a reason" for status 0) and a response over the size limit ({@code Function.ResponseSizeTooLarge},
 * "Response payload size exceeded maximum allowed payload size (6291556 bytes).").
 */
final class FunctionErrors {

    static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";
    static final String EXIT_ERROR_TYPE = "Runtime.ExitError";
    static final String RESPONSE_SIZE_ERROR_TYPE = "Function.ResponseSizeTooLarge";

    /** Frames from this package are apigw's runtime; everything from the first of them down is cut. */
    private static final String RUNTIME_PACKAGE = FunctionErrors.class.getPackageName();

    private static final PojoSerializer<ThrownError> THROWN =
            GsonFactory.getInstance().getSerializer(ThrownError.class);
    private static final PojoSerializer<TimeoutError> TIMEOUT =
            GsonFactory.getInstance().getSerializer(TimeoutError.class);

    private FunctionErrors() {}

    static FunctionError thrown(Throwable thrown) {
        filterStackTraces(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
        String message = thrown.getLocalizedMessage() == null
                ? thrown.getClass().getName()
                : thrown.getLocalizedMessage();
        String type = thrown.getClass().getName();
        List<String> stackTrace = Arrays.stream(thrown.getStackTrace()).map(StackTraceElement::toString).toList();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        THROWN.toJson(new ThrownError(message, type, stackTrace.toArray(String[]::new)), payload);
        return new FunctionError(type, message, stackTrace, payload.toByteArray());
    }

    static FunctionError timedOut(String requestId, Duration timeout) {
        return lambdaError(TIMEOUT_ERROR_TYPE,
                "RequestId: " + requestId + " Error: Task timed out after " + seconds(timeout) + " seconds");
    }

    /** The runtime process ended (here: the handler called {@code System.exit} or the like). */
    static FunctionError exited(String requestId, int status) {
        String reason = status == 0 ? "Runtime exited without providing a reason"
                : "Runtime exited with error: exit status " + status;
        return lambdaError(EXIT_ERROR_TYPE, "RequestId: " + requestId + " Error: " + reason);
    }

    /** The handler's response payload was larger than {@code limitBytes}. */
    static FunctionError responseTooLarge(int limitBytes) {
        return lambdaError(RESPONSE_SIZE_ERROR_TYPE,
                "Response payload size exceeded maximum allowed payload size (" + limitBytes + " bytes).");
    }

    /** An error Lambda reports itself, rather than the runtime: type and message, no stack trace. */
    private static FunctionError lambdaError(String type, String message) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        TIMEOUT.toJson(new TimeoutError(type, message), payload);
        return new FunctionError(type, message, List.of(), payload.toByteArray());
    }

    /** Lambda prints timeouts with two decimals: {@code 3.00}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1e9);
    }

    /** Cuts apigw's frames (and the worker pool's below them), as the runtime's {@code UserFault.filterStackTrace}. */
    private static void filterStackTraces(Throwable thrown, Set<Throwable> visited) {
        if (!visited.add(thrown)) {
            return;
        }
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (isRuntimeFrame(frames[i])) {
                thrown.setStackTrace(Arrays.copyOf(frames, i));
                break;
            }
        }
        if (thrown.getCause() != null) {
            filterStackTraces(thrown.getCause(), visited);
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            filterStackTraces(suppressed, visited);
        }
    }

    private static boolean isRuntimeFrame(StackTraceElement frame) {
        String className = frame.getClassName();
        int lastDot = className.lastIndexOf('.');
        // Exactly this package: handlers in sub-packages (such as apigw's own test handlers) are user code.
        return lastDot > 0 && className.substring(0, lastDot).equals(RUNTIME_PACKAGE);
    }

    /** The runtime's {@code LambdaError} DTO; Gson writes the fields in this order and leaves out nulls. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private static final class ThrownError {
        private final String errorMessage;
        private final String errorType;
        private final String[] stackTrace;

        ThrownError(String errorMessage, String errorType, String[] stackTrace) {
            this.errorMessage = errorMessage;
            this.errorType = errorType;
            this.stackTrace = stackTrace;
        }
    }

    /** Lambda's own error document (a timeout, an exit, an oversized response), type first. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private static final class TimeoutError {
        private final String errorType;
        private final String errorMessage;

        TimeoutError(String errorType, String errorMessage) {
            this.errorType = errorType;
            this.errorMessage = errorMessage;
        }
    }
}
