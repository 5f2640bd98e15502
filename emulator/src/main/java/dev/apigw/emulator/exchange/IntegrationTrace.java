package dev.apigw.emulator.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.apigw.lambda.InvocationOptions;
import org.jspecify.annotations.Nullable;

/**
 * Where the integration invokers report what they sent and received, for the request journal. One call where the
 * request goes out, one where the answer comes back; {@link #NONE} (the default) records nothing, so a gateway
 * without a journal copies no bytes. The authorize stage reports here too: which mechanism decided, a Lambda
 * authorizer's event and answer, and the decision.
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

    /** The stage cache answered with a kept integration response of this status; no integration was called. */
    default void stageCacheHit(int status) {}

    /**
     * An authorization mechanism took the request: called once, before it decides.
     *
     * @param mechanism {@code resource-policy}, {@code iam}, {@code lambda}, {@code jwt} or {@code cognito}
     * @param name the authorizer's name; null for IAM and the resource policy
     */
    default void authorizerTook(String mechanism, @Nullable String name) {}

    /** The event a Lambda authorizer's function is invoked with (not called when its cache answers). */
    default void authorizerEvent(byte[] event) {}

    /**
     * What a Lambda authorizer answered.
     *
     * @param raw the bytes the function returned (its error payload when it failed); null when it never answered
     *     (a timeout, a throttle, a missing function) or when the answer came from the cache
     * @param cached the answer came from the authorizer's cache, without invoking the function
     */
    default void authorizerResponse(byte @Nullable [] raw, boolean cached) {}

    /**
     * The authorize stage let the request in.
     *
     * @param latency how long the deciding mechanism took
     */
    default void authorizationAllowed(Duration latency) {}

    /**
     * The authorize stage refused the request.
     *
     * @param status the default status of the refusal
     * @param responseType the gateway response type ({@code UNAUTHORIZED}, {@code ACCESS_DENIED}, ...)
     * @param detail why, as the gateway's log says it (may hold request values: mask before showing)
     * @param latency how long the deciding mechanism took
     */
    default void authorizationDenied(int status, String responseType, String detail, Duration latency) {}

    /** {@code options}, with the function's log lines (START, the handler's, END, REPORT) also recorded here. */
    default InvocationOptions withLogLines(InvocationOptions options) {
        return options;
    }
}
