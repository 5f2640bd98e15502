package dev.apigw.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.apigw.emulator.auth.AccessControl;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import dev.apigw.emulator.cache.CacheLookup;
import dev.apigw.emulator.cache.StageCache;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.emulator.cors.HttpApiCors;
import dev.apigw.emulator.encoding.DecodedTooLargeException;
import dev.apigw.emulator.encoding.RequestDecoding;
import dev.apigw.emulator.encoding.ResponseCompression;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.exchange.RequestContexts;
import dev.apigw.emulator.integration.FunctionLoader;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.integration.FunctionCall;
import dev.apigw.emulator.integration.FunctionRunners;
import dev.apigw.emulator.integration.IntegrationInvoker;
import dev.apigw.emulator.observe.CostEstimate;
import dev.apigw.emulator.observe.GatewayMetrics;
import dev.apigw.emulator.observe.GatewayObserver;
import dev.apigw.emulator.observe.Journal;
import dev.apigw.emulator.observe.LiveFeed;
import dev.apigw.emulator.observe.ObservedRequest;
import dev.apigw.emulator.observe.RequestObservation;
import dev.apigw.emulator.observe.RouteStatistics;
import dev.apigw.emulator.response.EdgeRefusals;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.emulator.response.GatewayResponses;
import dev.apigw.emulator.response.HeaderRemapping;
import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.emulator.routing.RouteTable;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.model.Api;
import dev.apigw.model.ApiType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.RestApi;
import dev.apigw.emulator.usage.UsageMeter;
import dev.apigw.emulator.websocket.WebSocketGateway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway without a socket: {@link #handle(GatewayRequest)} runs API Gateway's request pipeline (Method
 * Request → Integration Request → Integration → Integration Response → Method Response) for one API and stage.
 * The Javalin transport, the CLI and the JUnit extension all call it.
 *
 * <pre>{@code
 * Gateway gateway = Gateway.create(GatewayConfig.builder().spec(Path.of("openapi.yaml"))
 *         .function("GetPet", FunctionDefinition.HandlerClass.of("com.example.GetPet")).build());
 * GatewayResponse response = gateway.handle(GatewayRequest.of("GET", "/dev/pets/7"));
 * }</pre>
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Api api;
    private final String stage;
    private final RouteTable routes;
    private final Functions functions;
    private final RequestContexts contexts;
    private final GatewayResponses gatewayResponses;
    private final FunctionLoader loader;
    private final Map<String, String> stageVariables;
    private final @Nullable WebSocketGateway webSocket;
    private final HttpApiCors cors;
    private final MethodRequest methodRequest;
    private final AccessControl accessControl;
    private final UsageMeter meter;
    private final LocalIssuer issuer;
    private final List<GatewayObserver> observers;
    private final GatewayMetrics metrics;
    /** The server's journal (every stage's), and this stage's way of recording in it. */
    private final Journal journal;
    private final GatewayObserver journalRecorder;
    private final String adminPrefix;
    private final GatewayAssembly.Dashboard dashboard;
    private final RequestLimits requestLimits;
    private final RequestLimitCheck limitCheck;
    private final ResponseCompression compression;
    private final StageCache cache;
    private final CachedIntegration integration;

    private Gateway(GatewayAssembly.GatewayParts parts, Journal journal, RequestLimits requestLimits,
            @Nullable MinimumCompressionSize compressionSetting, StageCache cache) {
        this.api = parts.api();
        this.stage = parts.stage();
        this.routes = parts.routes();
        this.functions = parts.functions();
        this.contexts = parts.contexts();
        this.gatewayResponses = api instanceof RestApi rest
                ? GatewayResponses.forRestApi(rest.gatewayResponses()) : GatewayResponses.forHttpApi();
        this.loader = parts.loader();
        this.stageVariables = parts.stageVariables();
        this.webSocket = parts.webSocket();
        this.cors = HttpApiCors.of(api instanceof HttpApi http ? http.cors() : null);
        this.accessControl = parts.accessControl();
        this.meter = parts.meter();
        this.issuer = parts.issuer();
        this.observers = parts.observers();
        this.metrics = parts.metrics();
        this.journal = journal;
        this.journalRecorder = journal.recorderFor(stage);
        this.adminPrefix = parts.adminPrefix();
        this.dashboard = parts.dashboard();
        this.requestLimits = requestLimits;
        this.limitCheck = new RequestLimitCheck(requestLimits, api.type() == ApiType.HTTP);
        this.compression = ResponseCompression.forApi(api, compressionSetting);
        this.cache = cache;
        this.integration = new CachedIntegration(cache, parts.integrations(), metrics, dashboard.observability());
        this.methodRequest = new MethodRequest(api, stage, routes, cors, accessControl, meter, parts.validations(),
                api instanceof RestApi rest ? rest.binaryMediaTypes() : List.of());
    }

    /**
     * Imports the spec, loads the functions and compiles routes, integrations and access control.
     *
     * @throws dev.apigw.importer.InvalidSpecException when the document has errors (every problem listed)
     * @throws GatewayStartupException when functions are missing or cannot be loaded
     */
    public static Gateway create(GatewayConfig config) {
        return create(config, ServerWide.of(config), null);
    }

    /**
     * A stage of a server: its throttle and quota counts are the server's.
     *
     * @param imported the API another stage already imported from the same document, or null to import it
     */
    static Gateway create(GatewayConfig config, ServerWide shared, @Nullable Api imported) {
        return create(config, shared, imported, api -> {
            if (api instanceof RestApi) {
                return new StageCache(config.stageCache(), config.clock());
            }
            if (config.stageCache().enabled()) {
                LOG.warn("the stage cache of stage '{}' is ignored: API Gateway caches only REST API stages, and this"
                        + " is {} API", config.stageFor(api.type()),
                        api.type() == ApiType.HTTP ? "an HTTP" : "a WebSocket");
            }
            return new StageCache(StageCacheSettings.OFF, config.clock());
        });
    }

    /** A stage's canary variant that uses the stage cache: it shares the main variant's cache, as on AWS. */
    static Gateway create(GatewayConfig config, ServerWide shared, Api imported, StageCache sharedCache) {
        return create(config, shared, imported, api -> sharedCache);
    }

    private static Gateway create(GatewayConfig config, ServerWide shared, @Nullable Api imported,
            Function<Api, StageCache> cacheFor) {
        GatewayAssembly.GatewayParts parts = GatewayAssembly.assemble(config, shared, imported);
        return new Gateway(parts, shared.journal(), config.requestLimits(), config.minimumCompressionSize(),
                cacheFor.apply(parts.api()));
    }

    /**
     * Serves one request. Never throws: every failure becomes the response AWS would send. An in-process function's
     * handler runs on a worker thread, so that its timeout answers on time although this thread waits.
     */
    public GatewayResponse handle(GatewayRequest request) {
        CompletableFuture<GatewayResponse> answer = new CompletableFuture<>();
        handle(request, answer::complete, FunctionRunners.WORKERS);
        return answer.join();
    }

    /**
     * Serves one request with an in-process function's handler run on the calling thread (no thread hand-off, as the
     * HTTP server does). {@code answer} receives the response exactly once: normally on this thread, before this
     * method returns; when the function overruns its timeout or the integration timeout, on a timer thread at that
     * moment, while this thread is still in the handler.
     */
    public void handle(GatewayRequest request, Consumer<GatewayResponse> answer) {
        handle(request, answer, Runnable::run);
    }

    private void handle(GatewayRequest request, Consumer<GatewayResponse> answer, Executor runner) {
        RequestContext context = contexts.create(request);
        RequestObservation observation = new RequestObservation(journal.enabled());
        Optional<GatewayResponse> refused = limitCheck.refusal(request, request.body().length);
        if (refused.isPresent()) {
            answer.accept(refusedAtTheFrontEnd(request, context, observation, refused.get()));
            return;
        }
        FunctionCall call = new FunctionCall();
        // Compressed last, once the response is final (gateway responses and CORS headers included), as the client
        // receives it.
        respond(request, context, observation, call)
                .thenApply(response -> compression.apply(request, response)).whenComplete((response, failure) ->
                answer.accept(answered(request, context, observation, response, failure)));
        call.runIn(runner);
    }

    /** The response with its ids, observed; whoever waits for the answer (the HTTP server's thread) must get one. */
    private GatewayResponse answered(GatewayRequest request, RequestContext context, RequestObservation observation,
            @Nullable GatewayResponse response, @Nullable Throwable failure) {
        try {
            return observed(request, context, observation, failure == null && response != null ? response
                    : internalError(request, context, observation, failure));
        } catch (RuntimeException e) {
            return withRequestIds(internalError(request, context, observation, e), context);
        }
    }

    private GatewayResponse observed(GatewayRequest request, RequestContext context, RequestObservation observation,
            GatewayResponse answered) {
        GatewayResponse response = withRequestIds(answered, context);
        ObservedRequest observed = observation.finish(request, context, response);
        // The journal first: when the live feed announces a request, PREFIX/api/journal/{id} already has it.
        notify(journalRecorder, observed);
        for (GatewayObserver observer : observers) {
            notify(observer, observed);
        }
        return response;
    }

    private static void notify(GatewayObserver observer, ObservedRequest observed) {
        try {
            observer.observed(observed);
        } catch (RuntimeException e) {
            LOG.warn("[{}] observer {} failed: {}", observed.context().requestId(), observer, e.toString());
        }
    }

    private CompletableFuture<GatewayResponse> respond(GatewayRequest request, RequestContext context,
            RequestObservation observation, FunctionCall call) {
        Exchange exchange;
        try {
            GatewayRequest decoded = api.type() == ApiType.REST
                    ? RequestDecoding.decoded(request, requestLimits.payloadBytes()) : request;
            exchange = methodRequest.admit(decoded, context, observation);
            if (exchange == null) {
                return CompletableFuture.completedFuture(cors.preflight(request).orElseThrow());
            }
        } catch (DecodedTooLargeException e) {
            LOG.debug("[{}] {}", context.requestId(), e.getMessage());
            return CompletableFuture.completedFuture(EdgeRefusals.payloadTooLarge(e.limitBytes(), false));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(cors.decorate(request, failed(e, request, context, observation)));
        }
        CacheLookup cached;
        try {
            cached = integration.lookup(exchange);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(cors.decorate(request, failed(e, request, context, observation)));
        }
        observation.integrationStarts();
        CompletableFuture<GatewayResponse> integrated = integration.invoke(exchange, call, cached);
        String cacheWarning = cached.warning();
        return integrated.handle((response, failure) -> {
            observation.integrationEnds();
            GatewayResponse out;
            try {
                out = failure == null ? deliverable(HeaderRemapping.apply(response))
                        : failed(IntegrationInvoker.cause(failure), request, context, observation);
            } catch (RuntimeException e) {
                out = failed(e, request, context, observation);
            }
            if (cacheWarning != null) {
                out = out.withHeader("Warning", cacheWarning);
            }
            // Error responses get CORS headers too; a preflight the gateway answered (above) already has its own.
            return cors.decorate(request, out);
        });
    }

    /** The gateway response for a failure anywhere in the pipeline. */
    private GatewayResponse failed(Throwable failure, GatewayRequest request, RequestContext context,
            RequestObservation observation) {
        if (!(failure instanceof GatewayException e)) {
            return internalError(request, context, observation, failure);
        }
        LOG.debug("[{}] {}", context.requestId(), e.getMessage());
        observation.stageFailed();
        observation.error(e.error().responseType().name(), e.clientMessage(), e.validationErrorString());
        if (e.error() == GatewayError.INTEGRATION_FAILURE || e.error() == GatewayError.INTEGRATION_TIMEOUT) {
            observation.trace().integrationFailed(e.detail());
        }
        return gatewayResponses.render(e, ErrorVariables.of(context, stage, request, e.validationErrorString()));
    }

    private GatewayResponse internalError(GatewayRequest request, RequestContext context,
            RequestObservation observation, @Nullable Throwable failure) {
        LOG.error("[{}] apigw failed serving {} {}", context.requestId(), request.method(), request.rawPath(), failure);
        observation.stageFailed();
        observation.error(GatewayError.INTERNAL_ERROR.responseType().name(), GatewayError.INTERNAL_ERROR.restMessage());
        return gatewayResponses.render(GatewayError.INTERNAL_ERROR, ErrorVariables.of(context, stage, request));
    }

    /**
     * API Gateway's front-end answer when a request is over the URL, header or payload limit, before its body is read:
     * {@code bodyBytes} is the length the client declared (or -1 when it declared none). The HTTP server refuses such
     * a request without reading its body; {@link #handle} checks the same limits again on the whole request.
     */
    public Optional<GatewayResponse> refusal(GatewayRequest request, long bodyBytes) {
        return limitCheck.refusal(request, bodyBytes).map(refused -> refusedAtTheFrontEnd(request,
                contexts.create(request), new RequestObservation(journal.enabled()), refused));
    }

    private GatewayResponse refusedAtTheFrontEnd(GatewayRequest request, RequestContext context,
            RequestObservation observation, GatewayResponse refused) {
        LOG.debug("[{}] refused at the front end with {}", context.requestId(), refused.status());
        return answered(request, context, observation, refused, null);
    }

    /** The size limits and idle timeout this gateway enforces. */
    public RequestLimits requestLimits() {
        return requestLimits;
    }

    /** A final HTTP response needs a status of 200–599; 1xx would leave the client waiting for another one. */
    private static GatewayResponse deliverable(GatewayResponse response) {
        if (response.status() < 200 || response.status() > 599) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "the integration answered with status " + response.status() + ", which HTTP cannot deliver");
        }
        return response;
    }

    private GatewayResponse withRequestIds(GatewayResponse response, RequestContext context) {
        GatewayResponse out = response.withHeader("x-amzn-RequestId", context.requestId());
        if (api.type() == ApiType.HTTP) {
            return out.withHeader("apigw-requestid", context.requestId());
        }
        return out.withHeader("x-amz-apigw-id", context.extendedRequestId());
    }

    public Api api() {
        return api;
    }

    public String stage() {
        return stage;
    }

    /** The compiled route table, in document order. */
    public List<RouteEntry> routes() {
        return routes.entries();
    }

    /** What each call of a function received and returned, oldest first. */
    public List<RecordedInvocation> invocations(String functionName) {
        return functions.invocations().of(functionName);
    }

    /** Replaces a function until {@link #reset()}, e.g. to make one test's handler fail. */
    public void stubFunction(String name, LambdaFunction function) {
        if (!functions.contains(name)) {
            throw new IllegalArgumentException("the API calls no function named " + name
                    + "; functions it calls: " + FunctionNames.calledBy(api, stageVariables));
        }
        functions.stub(name, function);
    }

    /** Stops the functions' worker threads and releases their class loaders (and the jar files they hold open). */
    @Override
    public void close() {
        for (GatewayObserver observer : observers) {
            if (observer instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", observer, e.toString());
                }
            }
        }
        dashboard.liveFeed().close();
        loader.close();
    }

    /** The functions this gateway calls; the Lambda Invoke API on the same port serves them. */
    Functions functions() {
        return functions;
    }

    /** Drops every entry of the stage cache, as API Gateway's FlushStageCache does ({@code DELETE /_apigw/cache}). */
    public void flushCache() {
        cache.flush();
    }

    /** The stage's response cache (REST APIs; off unless configured). */
    public StageCache stageCache() {
        return cache;
    }

    /**
     * The gateway's CloudWatch-named metrics ({@code /_apigw/metrics}). A server's stages share one registry, so
     * {@link GatewayMetrics#scrape()} shows every stage's series, told apart by their {@code stage} tag.
     */
    public GatewayMetrics metrics() {
        return metrics;
    }

    /**
     * The request journal: the last answered requests with their integration traffic and function log lines
     * ({@code /_apigw/journal}); empty when the gateway was configured with {@code journalSize(0)}. A server's
     * stages share one journal, each entry naming its stage, so this is every stage's journal.
     */
    public Journal journal() {
        return journal;
    }

    /** Whether the gateway observes its traffic (metrics, journal, dashboard); false with --no-observability. */
    public boolean observability() {
        return dashboard.observability();
    }

    /** Per-route counts, errors and latency percentiles for the dashboard ({@code /_apigw/api/stats}). */
    public RouteStatistics statistics() {
        return dashboard.statistics();
    }

    /** The dashboard's live feed of requests and WebSocket frames ({@code /_apigw/api/events}). */
    public LiveFeed liveFeed() {
        return dashboard.liveFeed();
    }

    /** What the traffic seen would cost on AWS ({@code /_apigw/api/cost}). */
    public CostEstimate costEstimate() {
        return dashboard.cost();
    }

    /** Where apigw serves its own endpoints ({@code /_apigw} unless {@code --admin-prefix} moved them). */
    public String adminPrefix() {
        return adminPrefix;
    }

    /** apigw's own token issuer, whose keys JWT and Cognito authorizers trust unless told otherwise. */
    public LocalIssuer localIssuer() {
        return issuer;
    }

    /** The WebSocket side, for a WebSocket API. */
    public Optional<WebSocketGateway> webSocket() {
        return Optional.ofNullable(webSocket);
    }

    /** The API's id, as {@code requestContext.apiId} shows it. */
    public String apiId() {
        return contexts.apiId();
    }

    /**
     * Forgets recorded invocations, this stage's entries of the request journal (other stages' stay), the
     * dashboard's statistics, the stage cache and per-test stubs, and closes WebSocket connections (forgetting them);
     * the API and its registered functions stay.
     */
    public void reset() {
        if (webSocket != null) {
            webSocket.closeAll();
            webSocket.connections().forgetClosed();
        }
        dashboard.statistics().clear();
        dashboard.cost().clear();
        functions.clearStubs();
        accessControl.clearCache();
        meter.reset();
        functions.invocations().clear();
        journal.clear(stage);
        cache.flush();
    }
}
