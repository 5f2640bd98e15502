package dev.apigw.emulator.observe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One answered request in the request journal: what the client sent, which route took it, how it was authorized
 * and who the caller was, what went to the integration and came back, the function's log lines, what the client
 * got, and how long it took, stage by stage.
 * Credentials are masked (see {@link Secrets}); bodies are capped at {@link JournalBody#LIMIT}.
 *
 * @param sequence the request's number since the server started (every stage's requests counted), 0 first
 * @param stage the stage that served the request ({@code $context.stage})
 * @param canaryRequest whether the stage's canary served it ({@code $context.isCanaryRequest})
 * @param route the route as {@link RouteLabels} names it ({@code GET /pets/{id}}); null when no route took the request
 * @param authorization the authorize stage's call and result; null when the route has no authorization (no
 *     resource policy, no authorizer) or no route took the request
 * @param errorType the gateway response type when API Gateway itself answered with an error, else null
 * @param integration what went to the integration and came back; null when none was called
 * @param logLines the function's log lines, the last {@link #MAX_LOG_LINES} of them
 * @param latencyMillis from arrival to response ({@code $context.responseLatency})
 * @param integrationLatencyMillis how long the integration took; null when none was called
 * @param stages how long each pipeline stage took; null for a stage the request never reached
 */
public record JournalEntry(long sequence, String requestId, Instant time, String stage, boolean canaryRequest,
        ClientRequest request,
        @Nullable String route, CallerSummary caller, @Nullable Authorization authorization,
        @Nullable String errorType, @Nullable String errorMessage, @Nullable Integration integration,
        List<String> logLines, boolean logLinesTruncated, ClientResponse response, double latencyMillis,
        @Nullable Double integrationLatencyMillis, StageTimings stages) {

    /** Enough for START, END, REPORT and a chatty handler; a runaway one keeps its last lines. */
    public static final int MAX_LOG_LINES = 200;

    public JournalEntry {
        logLines = List.copyOf(logLines);
    }

    /** A header as sent or received; credentials keep only their scheme word. */
    public record HeaderLine(String name, String value) {}

    /** The client's request as the gateway received it. */
    public record ClientRequest(String method, String rawPath, String query, List<HeaderLine> headers,
            JournalBody body, String sourceIp) {
        public ClientRequest {
            headers = List.copyOf(headers);
        }
    }

    /** What the client got back. */
    public record ClientResponse(int status, List<HeaderLine> headers, JournalBody body) {
        public ClientResponse {
            headers = List.copyOf(headers);
        }
    }

    /**
     * Who the access-control stages let in: never the API key's value or a token, only what identifies the caller.
     *
     * @param kind {@code anonymous}, {@code lambda}, {@code jwt}, {@code cognito} or {@code iam}
     * @param principalId a Lambda authorizer's principal id, a token's {@code sub}, or an IAM user's ARN
     * @param claims a Lambda authorizer's context or a token's claims, as strings
     * @param apiKeyId the id of the API key the caller was admitted with
     */
    public record CallerSummary(String kind, @Nullable String principalId, Map<String, String> claims,
            @Nullable String apiKeyId) {
        public CallerSummary {
            claims = Map.copyOf(claims);
        }
    }

    /**
     * The authorize stage: which mechanism decided, and what it decided.
     *
     * @param mechanism {@code resource-policy}, {@code iam}, {@code lambda}, {@code jwt} or {@code cognito}
     * @param name the authorizer's name; null for IAM and the resource policy
     * @param outcome {@code allowed} or {@code denied}
     * @param status a refusal's status, else null
     * @param responseType a refusal's gateway response type ({@code UNAUTHORIZED}, {@code ACCESS_DENIED}, ...),
     *     else null
     * @param detail why it was refused, as the gateway's log says it (credentials masked), else null
     * @param cached a Lambda authorizer answered from its cache, without invoking the function
     * @param event the event a Lambda authorizer was invoked with; null for other mechanisms or a cached answer
     * @param response what the Lambda authorizer returned; null for other mechanisms, a cached answer, or a
     *     function that never answered
     * @param latencyMillis how long the deciding mechanism took
     */
    public record Authorization(String mechanism, @Nullable String name, String outcome, @Nullable Integer status,
            @Nullable String responseType, @Nullable String detail, boolean cached, @Nullable JournalBody event,
            @Nullable JournalBody response, double latencyMillis) {
        public static final String ALLOWED = "allowed";
        public static final String DENIED = "denied";
    }

    /** What went to the integration and what came back. */
    public sealed interface Integration permits LambdaCall, BackendCall, MockCall, StageCacheHit {
        /** {@code lambda}, {@code http}, {@code mock} or {@code cache}. */
        String type();
    }

    /**
     * A Lambda function's invocation.
     *
     * @param event the bytes the function was invoked with (the proxy event, or the mapped payload)
     * @param payload the raw bytes it returned; null when it never answered (timeout, throttle)
     * @param functionErrorType the function error's {@code errorType}, else null
     * @param failure why there is no payload (a timeout, a throttle), else null
     */
    public record LambdaCall(String type, String functionName, JournalBody event, @Nullable JournalBody payload,
            @Nullable String functionErrorType, @Nullable String failure) implements Integration {}

    /**
     * An HTTP backend's call.
     *
     * @param status the backend's status; null when it never answered (timeout, unreachable)
     * @param failure why there is no answer (a timeout, a network error), else null
     */
    public record BackendCall(String type, String method, String url, List<HeaderLine> requestHeaders,
            JournalBody requestBody, @Nullable Integer status, List<HeaderLine> responseHeaders,
            @Nullable JournalBody responseBody, @Nullable String failure) implements Integration {
        public BackendCall {
            requestHeaders = List.copyOf(requestHeaders);
            responseHeaders = List.copyOf(responseHeaders);
        }
    }

    /** A MOCK integration's status. */
    public record MockCall(String type, int status) implements Integration {}

    /** A cache hit: the stage cache answered with an integration response it kept, and nothing was called. */
    public record StageCacheHit(String type, int status) implements Integration {}
}
