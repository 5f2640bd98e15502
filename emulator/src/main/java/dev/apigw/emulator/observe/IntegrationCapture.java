package dev.apigw.emulator.observe;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.lambda.InvocationOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the integration invokers report for one request, kept raw until the request is answered (only then are the
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
    private @Nullable String failure;
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
    public synchronized void mockStatus(int status) {
        this.mockStatus = status;
    }

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

    /** The longest body it holds (event, payload, backend request or response), in bytes. */
    synchronized int largestBody() {
        return Math.max(Math.max(length(event), length(payload)),
                Math.max(length(backendRequestBody), length(backendResponseBody)));
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
        return null;
    }

    private static List<JournalEntry.HeaderLine> headerLines(Map<String, List<String>> headers, Secrets secrets) {
        List<JournalEntry.HeaderLine> lines = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(value ->
                lines.add(new JournalEntry.HeaderLine(name, secrets.headerValue(name, value)))));
        return lines;
    }
}
