package dev.apigw.emulator.lambdaapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.LocalAccount;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.TooManyRequestsException;
import dev.apigw.emulator.server.AnsweredRequests;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's Invoke API for the functions of one gateway or {@code apigw start-lambda} server [D Invoke API reference]:
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations[?Qualifier=…]}.
 *
 * <ul>
 *   <li>{@code X-Amz-Invocation-Type: RequestResponse} (default) → 200 with the function's response and
 *       {@code X-Amz-Executed-Version: $LATEST}; a function error is still 200, with {@code X-Amz-Function-Error:
 *       Unhandled} and the error document as body.</li>
 *   <li>{@code Event} → 202 with an empty body; the function runs afterwards. {@code DryRun} → 204, nothing runs.</li>
 *   <li>{@code X-Amz-Log-Type: Tail} on a synchronous call → {@code X-Amz-Log-Result}: the last 4 KB of the
 *       invocation's log, base64 ({@link LogTail}): START, the handler's {@code context.getLogger()} lines, END and
 *       REPORT (what a handler prints to {@code System.out} goes to the console only).</li>
 *   <li>Errors with Lambda's statuses and {@code x-amzn-ErrorType}: see {@link LambdaApiError}. Only {@code $LATEST}
 *       exists locally, so any other qualifier is "Function not found".</li>
 * </ul>
 * Every answer carries {@code x-amzn-RequestId}, which is also the request id the function's {@code Context} shows.
 */
public final class InvokeApi implements AutoCloseable {
    public static final String PATH = "/2015-03-31/functions/{FunctionName}/invocations";
    public static final String LATEST = "$LATEST";

    private static final Logger LOG = LoggerFactory.getLogger(InvokeApi.class);
    /** Lambda parses payloads with Jackson; the same parser gives the same messages, source excerpt included. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    /**
     * Asynchronous invocations running at once; more wait in the queue, as Lambda queues events. Without a bound, a
     * burst of {@code Event} calls would start a thread (and, for out-of-process functions, a runtime process) each.
     */
    static final int MAX_EVENT_THREADS = 16;

    private final Supplier<FunctionsLease> functions;
    private final @Nullable Handler otherwise;
    private final ThreadPoolExecutor events;

    private InvokeApi(Supplier<FunctionsLease> functions, @Nullable Handler otherwise) {
        this.functions = functions;
        this.otherwise = otherwise;
        this.events = new ThreadPoolExecutor(MAX_EVENT_THREADS, MAX_EVENT_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), eventThreads());
        this.events.allowCoreThreadTimeOut(true);
    }

    /**
     * The functions one call uses, held until {@link #close()}: a server that swaps its functions ({@code --watch})
     * closes the old ones only once no call holds them, asynchronous ones included.
     *
     * @param release run once, when the call (or the asynchronous invocation it queued) ends
     */
    public record FunctionsLease(Functions functions, Runnable release) implements AutoCloseable {
        /** Functions that are never swapped: nothing to release. */
        public static FunctionsLease unreleased(Functions functions) {
            return new FunctionsLease(functions, () -> {});
        }

        @Override
        public void close() {
            release.run();
        }
    }

    /**
     * Serves the Invoke API for {@code functions} on {@code app}; the asynchronous invocations' threads stop with the
     * server.
     *
     * @param functions asked on every request, so that a gateway that reloads its API serves its current functions
     * @param otherwise when not null, the API's own routes share the server: a POST to the Invoke API's path goes to
     *     the Invoke API only when it carries {@code X-Amz-Invocation-Type} or is SigV4-signed for the {@code lambda}
     *     service (as every AWS SDK call is), and to {@code otherwise} when not
     */
    public static InvokeApi register(Javalin app, Supplier<Functions> functions, @Nullable Handler otherwise) {
        return registerLeased(app, () -> FunctionsLease.unreleased(functions.get()), otherwise);
    }

    /**
     * As {@link #register}, for a server whose functions are replaced while it serves: each call holds the lease it
     * gets from {@code functions} until it ends; an {@code Event} call hands it to its asynchronous invocation.
     */
    public static InvokeApi registerLeased(Javalin app, Supplier<FunctionsLease> functions,
            @Nullable Handler otherwise) {
        InvokeApi api = new InvokeApi(functions, otherwise);
        app.post(PATH, api::handle);
        app.events(events -> events.serverStopped(api::close));
        return api;
    }

    private void handle(Context ctx) throws Exception {
        if (otherwise != null && !isInvokeRequest(ctx)) {
            otherwise.handle(ctx);
            return;
        }
        // A server sharing the port must not answer again, not even Lambda's own 404s.
        AnsweredRequests.mark(ctx);
        String requestId = UUID.randomUUID().toString();
        ctx.header("x-amzn-RequestId", requestId);
        LambdaApiError error = answer(ctx, requestId);
        if (error != null) {
            ctx.header("x-amzn-ErrorType", error.errorType());
            ctx.status(error.status()).contentType("application/json").result(error.body());
        }
    }

    static boolean isInvokeRequest(Context ctx) {
        String authorization = ctx.header("Authorization");
        return ctx.header("X-Amz-Invocation-Type") != null
                || (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")
                        && authorization.contains("/lambda/aws4_request"));
    }

    /** Writes a successful answer; returns the error to write instead. */
    private @Nullable LambdaApiError answer(Context ctx, String requestId) throws IOException {
        FunctionsLease lease = this.functions.get();
        boolean handedOver = false;
        try {
            LambdaApiError error = answer(ctx, requestId, lease);
            // 202 is set only once the Event invocation is queued; it then owns the lease.
            handedOver = error == null && ctx.statusCode() == 202;
            return error;
        } finally {
            if (!handedOver) {
                lease.close();
            }
        }
    }

    private @Nullable LambdaApiError answer(Context ctx, String requestId, FunctionsLease lease) throws IOException {
        Functions functions = lease.functions();
        String raw = ctx.pathParam("FunctionName");
        FunctionName parsed = FunctionName.parse(raw);
        if (parsed == null) {
            return LambdaApiError.functionNotFound(new FunctionName(raw, LocalAccount.REGION,
                    LocalAccount.ID, null));
        }
        String queryQualifier = ctx.queryParam("Qualifier");
        if (parsed.qualifier() != null && queryQualifier != null && !queryQualifier.equals(parsed.qualifier())) {
            return LambdaApiError.conflictingQualifiers(parsed.qualifier(), queryQualifier);
        }
        FunctionName name = parsed.withQualifier(queryQualifier);
        if ((name.qualifier() != null && !name.qualifier().equals(LATEST)) || !functions.contains(name.name())) {
            return LambdaApiError.functionNotFound(name);
        }
        String typeHeader = ctx.header("X-Amz-Invocation-Type");
        Optional<InvocationType> type = typeHeader == null
                ? Optional.of(InvocationType.REQUEST_RESPONSE)
                : InvocationType.parse(typeHeader);
        if (type.isEmpty()) {
            return LambdaApiError.invalidInvocationType(typeHeader);
        }
        byte[] payload = ctx.req().getInputStream().readNBytes(LambdaApiError.MAX_PAYLOAD_BYTES + 1);
        if (payload.length > LambdaApiError.MAX_PAYLOAD_BYTES) {
            return LambdaApiError.payloadTooLarge();
        }
        if (type.get() == InvocationType.EVENT && payload.length > LambdaApiError.MAX_EVENT_PAYLOAD_BYTES) {
            return LambdaApiError.eventPayloadTooLarge(payload.length);
        }
        String invalid = jsonProblem(payload);
        if (invalid != null) {
            return LambdaApiError.invalidPayload(invalid);
        }
        // An Invoke without a payload reaches the function as {} (unconfirmed; the console and CLI send {} too).
        byte[] event = payload.length == 0 ? EMPTY_OBJECT : payload;
        InvocationOptions options = new InvocationOptions(requestId, name.name(), null);
        switch (type.get()) {
            case DRY_RUN -> ctx.status(204);
            case EVENT -> {
                // The lease is released by the asynchronous invocation (see answer(ctx, requestId)).
                events.execute(() -> {
                    try (lease) {
                        invokeLater(functions, name.name(), event, options);
                    }
                });
                ctx.status(202);
            }
            case REQUEST_RESPONSE -> {
                return invokeNow(ctx, functions, name.name(), event, options);
            }
        }
        return null;
    }

    private static @Nullable LambdaApiError invokeNow(Context ctx, Functions functions, String function, byte[] event,
            InvocationOptions options) {
        boolean tail = "Tail".equalsIgnoreCase(String.valueOf(ctx.header("X-Amz-Log-Type")));
        LogTail log = new LogTail();
        InvocationResult result;
        try {
            result = functions.invoke(function, event, tail ? options.withLogLines(log::append) : options);
        } catch (TooManyRequestsException e) {
            return LambdaApiError.throttled();
        }
        ctx.header("X-Amz-Executed-Version", LATEST);
        if (result instanceof InvocationResult.FunctionError) {
            // Every error a runtime reports is "Unhandled" today; "Handled" was the retired Node.js callback style.
            ctx.header("X-Amz-Function-Error", "Unhandled");
        }
        if (tail) {
            ctx.header("X-Amz-Log-Result", log.base64());
        }
        ctx.status(200).contentType("application/json").result(result.payload());
        return null;
    }

    private static void invokeLater(Functions functions, String function, byte[] event, InvocationOptions options) {
        try {
            InvocationResult result = functions.invoke(function, event, options);
            if (result instanceof InvocationResult.FunctionError error) {
                LOG.info("asynchronous invocation {} of function {} failed: {}: {}", options.requestId(), function,
                        error.errorType(), error.errorMessage());
            }
        } catch (TooManyRequestsException e) {
            // Lambda would retry a throttled event for up to six hours; locally the caller is told in the log.
            LOG.warn("asynchronous invocation {} of function {} was throttled (reserved concurrency) and dropped",
                    options.requestId(), function);
        } catch (RuntimeException e) {
            LOG.error("asynchronous invocation {} of function {} failed in apigw", options.requestId(), function, e);
        }
    }

    /** The parser's message when the payload is not one JSON value, else null. */
    private static @Nullable String jsonProblem(byte[] payload) {
        if (payload.length == 0) {
            return null;
        }
        try {
            JSON.readTree(payload);
            return null;
        } catch (JsonProcessingException e) {
            return e.getMessage();
        } catch (IOException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Stops the threads of asynchronous invocations still running. */
    @Override
    public void close() {
        events.shutdownNow();
    }

    private static ThreadFactory eventThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "apigw-invoke-event-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
