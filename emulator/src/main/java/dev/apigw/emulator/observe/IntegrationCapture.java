package dev.apigw.emulator.observe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.lambda.InvocationOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the authorize stage and the integration invokers report for one request, kept raw until the request is answered (only then are the
 * credentials to mask known). Synchronized: a function's log lines arrive on its worker thread.
 */
final class IntegrationCapture implements IntegrationTrace {
    private @Nullable String functionName;
    private byte @Nullable [] event;
    private byte @Nullable [] payload;
    private @Nullable String functionErrorType;
    private @Nullable String backendMethod;
    private @Nullable URI backendUrl;
    private Map<String, List<String>> backendRequestHeaders = Map.of();
    private byte @Nullable [] backendRequestBody;
    private @Nullable Integer backendStatus;
    private Map<String, List<String>> backendResponseHeaders = Map.of();
    private byte @Nullable [] backendResponseBody;
    private @Nullable Integer mockStatus;
    private @Nullable Integer cachedStatus;
    private @Nullable String failure;
    private @Nullable String authorizerMechanism;
    private @Nullable String authorizerName;
    private byte @Nullable [] authorizerEvent;
    private byte @Nullable [] authorizerAnswer;
    private boolean authorizerCached;
    private @Nullable Decision decision;
    private final Deque<String> logLines = new ArrayDeque<>();
    private boolean logLinesDropped;

    @Override
    public synchronized void lambdaRequest(String name, byte[] sent) {
        this.functionName = name;
        this.event = sent;
    }

    @Override
    public synchronized void lambdaResponse(byte[] returned, @Nullable String errorType) {
        this.payload = returned;
        this.functionErrorType = errorType;
    }

    @Override
    public synchronized void backendRequest(String method, URI url, Map<String, List<String>> headers, byte[] body) {
        this.backendMethod = method;
        this.backendUrl = url;
        this.backendRequestHeaders = headers;
        this.backendRequestBody = body;
    }

    @Override
    public synchronized void backendResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.backendStatus = status;
        this.backendResponseHeaders = headers;
        this.backendResponseBody = body;
    }

    @Override
    public synchronized void integrationFailed(String reason) {
        this.failure = reason;
    }

    @Override
    public synchronized void stageCacheHit(int status) {
        this.cachedStatus = status;
    }

    @Override
    public synchronized void mockStatus(int status) {
        this.mockStatus = status;
    }

    @Override
    public synchronized void authorizerTook(String mechanism, @Nullable String name) {
        this.authorizerMechanism = mechanism;
        this.authorizerName = name;
    }

    @Override
    public synchronized void authorizerEvent(byte[] event) {
        this.authorizerEvent = event;
    }

    @Override
    public synchronized void authorizerResponse(byte @Nullable [] raw, boolean cached) {
        this.authorizerAnswer = raw;
        this.authorizerCached = cached;
    }

    @Override
    public synchronized void authorizationAllowed(Duration latency) {
        this.decision = new Decision(null, null, null, latency);
    }

    @Override
    public synchronized void authorizationDenied(int status, String responseType, String detail, Duration latency) {
        this.decision = new Decision(status, responseType, detail, latency);
    }

    /** The authorize stage's decision; a refusal has a status. */
    private record Decision(@Nullable Integer status, @Nullable String responseType, @Nullable String detail,
            Duration latency) {}

    @Override
    public InvocationOptions withLogLines(InvocationOptions options) {
        return options.withLogLines(this::logLine);
    }

    private synchronized void logLine(String line) {
        if (logLines.size() == JournalEntry.MAX_LOG_LINES) {
            logLines.removeFirst();
            logLinesDropped = true;
        }
        logLines.addLast(line);
    }

    synchronized List<String> logLines() {
        return List.copyOf(logLines);
    }

    synchronized boolean logLinesTruncated() {
        return logLinesDropped;
    }

    /** The longest body it holds (event, payload, backend request or response, authorizer event or answer). */
    synchronized int largestBody() {
        return Math.max(Math.max(Math.max(length(event), length(payload)),
                Math.max(length(backendRequestBody), length(backendResponseBody))),
                Math.max(length(authorizerEvent), length(authorizerAnswer)));
    }

    private static int length(byte @Nullable [] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** What was reported, with the request's credentials masked; null when no integration reported anything. */
    synchronized JournalEntry.@Nullable Integration integration(Secrets secrets) {
        if (functionName != null) {
            return new JournalEntry.LambdaCall("lambda", functionName, JournalBody.of(event, secrets),
                    payload == null ? null : JournalBody.of(payload, secrets), functionErrorType,
                    failure == null ? null : secrets.mask(failure));
        }
        if (backendMethod != null && backendUrl != null) {
            return new JournalEntry.BackendCall("http", backendMethod, secrets.mask(backendUrl.toString()),
                    headerLines(backendRequestHeaders, secrets), JournalBody.of(backendRequestBody, secrets),
                    backendStatus, headerLines(backendResponseHeaders, secrets),
                    backendResponseBody == null ? null : JournalBody.of(backendResponseBody, secrets),
                    failure == null ? null : secrets.mask(failure));
        }
        if (mockStatus != null) {
            return new JournalEntry.MockCall("mock", mockStatus);
        }
        if (cachedStatus != null) {
            return new JournalEntry.StageCacheHit("cache", cachedStatus);
        }
        return null;
    }

    /**
     * The authorize stage's call and result, with the request's credentials masked; null when no mechanism
     * decided (a route without authorization, or none reached).
     */
    synchronized JournalEntry.@Nullable Authorization authorization(Secrets secrets) {
        if (decision == null) {
            return null;
        }
        // Every mechanism apigw has names itself; one that does not is still shown, as what it is.
        String mechanism = authorizerMechanism == null ? "unnamed" : authorizerMechanism;
        boolean denied = decision.status() != null;
        return new JournalEntry.Authorization(mechanism, authorizerName,
                denied ? JournalEntry.Authorization.DENIED : JournalEntry.Authorization.ALLOWED, decision.status(),
                decision.responseType(), decision.detail() == null ? null : secrets.mask(decision.detail()),
                authorizerCached, authorizerEvent == null ? null : JournalBody.of(authorizerEvent, secrets),
                authorizerAnswer == null ? null : JournalBody.of(authorizerAnswer, secrets),
                DashboardJson.millis(decision.latency()));
    }

    private static List<JournalEntry.HeaderLine> headerLines(Map<String, List<String>> headers, Secrets secrets) {
        List<JournalEntry.HeaderLine> lines = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(value ->
                lines.add(new JournalEntry.HeaderLine(name, secrets.headerValue(name, value)))));
        return lines;
    }
}
