package dev.apigw.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.lambda.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The JSON documents of the Runtime API's own errors, and the Invoke API's error documents for what the runtime
 * reported or how it failed.
 *
 * <ul>
 *   <li>Runtime API errors: {@code {"errorMessage":…,"errorType":…}} (RAPID's {@code model.ErrorResponse}) [K].
 *   <li>An error the runtime posted (to {@code /error} or {@code /init/error}) is returned to the caller as posted;
 *       Lambda does not rewrite it [D: runtimes-api, "Invocation error"].
 *   <li>A timeout: {@code {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out
 *       after 3.00 seconds"}}, as {@code JavaHandlerFunction} reports it [D].
 *   <li>A runtime that exits: {@code Runtime.ExitError} with {@code "RequestId: <id> Error: Runtime exited with
 *       error: exit status 1"}, or {@code "… Error: Runtime exited without providing a reason"} for status 0 [D: the
 *       Lambda guide's log examples; K: "The runtime failed to start: RequestId: <id> Error: Runtime exited with
 *       error: exit status 127"].
 * </ul>
 */
final class RuntimeErrorDocuments {
    static final String TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";
    static final String EXIT_ERROR_TYPE = "Runtime.ExitError";
    /** What Lambda's Invoke API reports in {@code X-Amz-Function-Error} when the runtime names no type. */
    private static final String UNHANDLED = "Unhandled";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeErrorDocuments() {}

    static String apiError(String errorType, String message) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", message);
        document.put("errorType", errorType);
        return document + "\n";
    }

    static InvocationResult.FunctionError timedOut(String requestId, Duration timeout) {
        String seconds = String.format(Locale.ROOT, "%.2f", timeout.toNanos() / 1e9);
        return lambdaError(TIMEOUT_ERROR_TYPE,
                "RequestId: " + requestId + " Error: Task timed out after " + seconds + " seconds");
    }

    static InvocationResult.FunctionError exited(String requestId, int exitCode) {
        String reason = exitCode == 0
                ? "Runtime exited without providing a reason"
                : "Runtime exited with error: exit status " + exitCode;
        return lambdaError(EXIT_ERROR_TYPE, "RequestId: " + requestId + " Error: " + reason);
    }

    /** The runtime process could not be started at all [unconfirmed: Lambda's type for "fork/exec …" failures]. */
    static InvocationResult.FunctionError invalidEntrypoint(String requestId, String reason) {
        return lambdaError("Runtime.InvalidEntrypoint", "RequestId: " + requestId + " Error: " + reason);
    }

    /**
     * What the runtime posted, returned as it was posted; the error type and message are read from the document
     * when it is Lambda's error shape, else the {@code Lambda-Runtime-Function-Error-Type} header names the type.
     */
    static InvocationResult.FunctionError posted(String headerErrorType, byte[] body) {
        String errorType = headerErrorType.isEmpty() ? UNHANDLED : headerErrorType;
        String message = "";
        List<String> stackTrace = new ArrayList<>();
        JsonNode document = parse(body);
        if (document != null && document.isObject()) {
            errorType = document.path("errorType").isTextual() ? document.get("errorType").asText() : errorType;
            message = document.path("errorMessage").asText("");
            for (JsonNode frame : document.path("stackTrace")) {
                stackTrace.add(frame.isTextual() ? frame.asText() : frame.toString());
            }
        }
        return new InvocationResult.FunctionError(errorType, message, stackTrace, body);
    }

    private static InvocationResult.FunctionError lambdaError(String errorType, String message) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorType", errorType);
        document.put("errorMessage", message);
        return new InvocationResult.FunctionError(
                errorType, message, List.of(), document.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null; // not JSON: the document is still returned as posted
        }
    }
}
