package dev.apigw.emulator.exchange;

import java.net.URI;
import java.util.List;
import java.util.Map;
import dev.apigw.lambda.InvocationOptions;
import org.jspecify.annotations.Nullable;

/**
 * Where the integration invokers report what they sent and received, for the request journal. One call where the
 * request goes out, one where the answer comes back; {@link #NONE} (the default) records nothing, so a gateway
 * without a journal copies no bytes.
 */
public interface IntegrationTrace {

    /** Records nothing. */
    IntegrationTrace NONE = new IntegrationTrace() {};

    /** The event or payload sent to a Lambda function. */
    default void lambdaRequest(String functionName, byte[] event) {}

    /**
     * What the function returned.
     *
     * @param functionErrorType the function error's {@code errorType} when it failed, else null
     */
    default void lambdaResponse(byte[] payload, @Nullable String functionErrorType) {}

    /** The request sent to an HTTP backend. */
    default void backendRequest(String method, URI url, Map<String, List<String>> headers, byte[] body) {}

    /** The HTTP backend's answer. */
    default void backendResponse(int status, Map<String, List<String>> headers, byte[] body) {}

    /**
     * The integration was called but gave no usable answer: a timeout, an unreachable backend, a throttled or
     * failed invocation.
     */
    default void integrationFailed(String reason) {}

    /** The status a MOCK integration answered with. */
    default void mockStatus(int status) {}

    /** {@code options}, with the function's log lines (START, the handler's, END, REPORT) also recorded here. */
    default InvocationOptions withLogLines(InvocationOptions options) {
        return options;
    }
}
