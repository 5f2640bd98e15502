package dev.apigw.emulator.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The request journal: the last {@code size} answered requests, each with its integration traffic and function log
 * lines, for {@code GET /_apigw/journal} and {@link dev.apigw.emulator.Gateway#journal()}. A server has one journal
 * for all its stages (and their canary variants): each stage's gateway records through its own
 * {@link #recorderFor(String) recorder}, which names the stage in every entry. A ring of slots:
 * recording is one counter increment and one slot write, without a lock, whatever the concurrency. A request is
 * kept as observed and turned into a {@link JournalEntry} (text, masking, header lists) only when someone reads it,
 * since almost no entry is ever read; one whose bodies are large is turned into its entry at once, so that the
 * ring never holds more than {@link JournalBody#LIMIT} of any body. A journal of size 0 records nothing, and the
 * gateway then captures no request details at all.
 */
public final class Journal {

    private final int size;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong clearedBefore = new AtomicLong();
    /** Per stage: its entries before this sequence number are forgotten ({@link #clear(String)}). */
    private final Map<String, Long> stageClearedBefore = new ConcurrentHashMap<>();
    private final @Nullable AtomicReferenceArray<Kept> slots;

    /**
     * One slot: the request as observed (built on read) with its function's log lines as they were when it was
     * answered (a timed-out function may go on logging), or its entry already built.
     */
    private record Kept(long sequence, String stage, String requestId, @Nullable ObservedRequest observed,
            LogLines logLines, @Nullable JournalEntry built) {
        JournalEntry entry() {
            return built != null ? built : Journal.entry(sequence, stage, Objects.requireNonNull(observed), logLines);
        }
    }

    /** Records one stage's requests: a gateway holds its stage's recorder, so recording costs no lookup. */
    private record StageRecorder(Journal journal, String stage) implements GatewayObserver {
        @Override
        public void observed(ObservedRequest observed) {
            journal.record(stage, observed);
        }

        @Override
        public String toString() {
            return "request journal of " + journal.size + ", stage " + stage;
        }
    }

    private record LogLines(List<String> lines, boolean truncated) {
        static final LogLines NONE = new LogLines(List.of(), false);

        static LogLines of(ObservedRequest observed) {
            return observed.trace() instanceof IntegrationCapture capture
                    ? new LogLines(capture.logLines(), capture.logLinesTruncated()) : NONE;
        }
    }

    private Journal(int size) {
        this.size = size;
        this.slots = size == 0 ? null : new AtomicReferenceArray<>(size);
    }

    /** A journal keeping the last {@code size} requests; 0 = off. */
    public static Journal ofSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("the journal size must be 0 (no journal) or more, was " + size);
        }
        return new Journal(size);
    }

    /** How many entries it keeps; 0 when off. */
    public int size() {
        return size;
    }

    /** Whether it records anything: when not, the gateway need not capture integration traffic. */
    public boolean enabled() {
        return size > 0;
    }

    /** What a stage's gateway tells of each request it answered; its entries name {@code stage}. */
    public GatewayObserver recorderFor(String stage) {
        return new StageRecorder(this, stage);
    }

    private void record(String stage, ObservedRequest observed) {
        if (slots == null) {
            return;
        }
        long sequence = next.getAndIncrement();
        String requestId = observed.context().requestId();
        LogLines logLines = LogLines.of(observed);
        Kept kept = largestBody(observed) <= JournalBody.LIMIT
                ? new Kept(sequence, stage, requestId, observed, logLines, null)
                : new Kept(sequence, stage, requestId, null, logLines, entry(sequence, stage, observed, logLines));
        slots.set((int) (sequence % size), kept);
    }

    /** The entries kept, newest first. */
    public List<JournalEntry> entries() {
        return entries(size);
    }

    /** The {@code limit} newest entries, newest first. */
    public List<JournalEntry> entries(int limit) {
        List<JournalEntry> newest = new ArrayList<>();
        for (Kept kept : kept()) {
            if (newest.size() == limit) {
                break;
            }
            newest.add(kept.entry());
        }
        return newest;
    }

    /** The entry of the request with this id, while the journal still keeps it. */
    public Optional<JournalEntry> find(String requestId) {
        for (Kept kept : kept()) {
            if (kept.requestId().equals(requestId)) {
                return Optional.of(kept.entry());
            }
        }
        return Optional.empty();
    }

    /** The slots in use, newest first. */
    private List<Kept> kept() {
        List<Kept> newest = new ArrayList<>();
        if (slots == null) {
            return newest;
        }
        long end = next.get();
        long start = Math.max(Math.max(0, end - size), clearedBefore.get());
        for (long sequence = end - 1; sequence >= start; sequence--) {
            Kept kept = slots.get((int) (sequence % size));
            // A slot a concurrent request has not written yet, or has already overwritten, is skipped, and so is an
            // entry of a stage cleared since.
            if (kept != null && kept.sequence() == sequence
                    && sequence >= stageClearedBefore.getOrDefault(kept.stage(), 0L)) {
                newest.add(kept);
            }
        }
        return newest;
    }

    private static int largestBody(ObservedRequest observed) {
        int largest = Math.max(observed.request().body().length, observed.response().body().length);
        return observed.trace() instanceof IntegrationCapture capture ? Math.max(largest, capture.largestBody())
                : largest;
    }

    /** Forgets every entry kept so far, every stage's. */
    public void clear() {
        clearedBefore.set(next.get());
    }

    /**
     * Forgets the entries of one stage (its canary variant's included) kept so far; the other stages' stay. Clearing
     * a stage twice forgets only what it recorded in between.
     */
    public void clear(String stage) {
        stageClearedBefore.put(stage, next.get());
    }

    private static JournalEntry entry(long sequence, String stage, ObservedRequest observed, LogLines logLines) {
        GatewayRequest request = observed.request();
        Secrets secrets = Secrets.of(request.headers(), observed.caller().apiKey());
        IntegrationCapture capture = observed.trace() instanceof IntegrationCapture c ? c : null;
        GatewayResponse response = observed.response();
        Duration integrationLatency = observed.integrationLatency();
        return new JournalEntry(sequence, observed.context().requestId(), observed.context().requestTime(), stage,
                observed.context().canaryRequest(),
                new JournalEntry.ClientRequest(request.method(), request.rawPath(), secrets.mask(request.rawQuery()),
                        headerLines(request.headers(), secrets), JournalBody.of(request.body(), secrets),
                        request.sourceIp()),
                RouteLabels.of(observed.route()), caller(observed.caller()),
                capture == null ? null : capture.authorization(secrets), observed.errorType(),
                observed.errorMessage(), capture == null ? null : capture.integration(secrets),
                logLines.lines(), logLines.truncated(),
                new JournalEntry.ClientResponse(response.status(), headerLines(response.headers(), secrets),
                        JournalBody.of(response.body(), secrets)),
                DashboardJson.millis(observed.latency()),
                integrationLatency == null ? null : DashboardJson.millis(integrationLatency), observed.stages());
    }

    /** Who the caller was, never by a credential (API key value, token, access key). */
    private static JournalEntry.CallerSummary caller(Caller caller) {
        Principal principal = caller.principal();
        String apiKeyId = caller.apiKeyId();
        if (principal instanceof Principal.Lambda lambda) {
            Map<String, String> context = new LinkedHashMap<>();
            lambda.context().forEach((name, value) -> context.put(name, String.valueOf(value)));
            return new JournalEntry.CallerSummary("lambda", lambda.principalId(), context, apiKeyId);
        }
        if (principal instanceof Principal.Jwt jwt) {
            return new JournalEntry.CallerSummary("jwt", jwt.claims().get("sub"), jwt.claims(), apiKeyId);
        }
        if (principal instanceof Principal.Cognito cognito) {
            return new JournalEntry.CallerSummary("cognito", cognito.claims().get("sub"), cognito.claims(), apiKeyId);
        }
        if (principal instanceof Principal.Iam iam) {
            return new JournalEntry.CallerSummary("iam", iam.userArn(), Map.of("accountId", iam.accountId()),
                    apiKeyId);
        }
        return new JournalEntry.CallerSummary("anonymous", null, Map.of(), apiKeyId);
    }

    private static List<JournalEntry.HeaderLine> headerLines(Headers headers, Secrets secrets) {
        List<JournalEntry.HeaderLine> lines = new ArrayList<>();
        for (Header header : headers.all()) {
            lines.add(new JournalEntry.HeaderLine(header.name(), secrets.headerValue(header.name(), header.value())));
        }
        return lines;
    }

    @Override
    public String toString() {
        return "request journal of " + size;
    }
}
