package dev.apigw.emulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import dev.apigw.emulator.auth.AccessControl;
import dev.apigw.emulator.auth.HttpLambdaAuthorizers;
import dev.apigw.emulator.auth.LambdaAuthorizers;
import dev.apigw.emulator.auth.ResourcePolicy;
import dev.apigw.emulator.auth.RouteAuthorizer;
import dev.apigw.emulator.auth.iam.IamAuthorization;
import dev.apigw.emulator.auth.jwt.CognitoAuthorizers;
import dev.apigw.emulator.auth.jwt.JwtAuthorizers;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import dev.apigw.emulator.exchange.RequestContexts;
import dev.apigw.emulator.integration.FunctionLoader;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.integration.Integrations;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.observe.AccessLog;
import dev.apigw.emulator.observe.CostEstimate;
import dev.apigw.emulator.observe.GatewayMetrics;
import dev.apigw.emulator.observe.GatewayObserver;
import dev.apigw.emulator.observe.LiveFeed;
import dev.apigw.emulator.observe.RouteStatistics;
import dev.apigw.emulator.observe.WebSocketObserver;
import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.emulator.routing.RouteTable;
import dev.apigw.emulator.support.SupportReport;
import dev.apigw.emulator.usage.Throttle;
import dev.apigw.emulator.usage.UsageMeter;
import dev.apigw.emulator.usage.UsagePlans;
import dev.apigw.emulator.validation.MethodValidations;
import dev.apigw.emulator.websocket.WebSocketGateway;
import dev.apigw.importer.ImportResult;
import dev.apigw.model.Api;
import dev.apigw.model.ApiType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.RestApi;
import dev.apigw.model.WebSocketApi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring, kept apart from behaviour: imports the spec and compiles everything a {@link Gateway} runs with, once,
 * at startup. Every problem that stops the gateway (functions, templates, mappings, models, authorizers) is reported
 * together.
 */
final class GatewayAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayAssembly.class);

    private GatewayAssembly() {}

    /** What a gateway is made of. */
    record GatewayParts(Api api, String stage, RouteTable routes, Integrations integrations, Functions functions,
            RequestContexts contexts, FunctionLoader loader, Map<String, String> stageVariables,
            @Nullable WebSocketGateway webSocket, MethodValidations validations, AccessControl accessControl,
            UsageMeter meter, LocalIssuer issuer, GatewayMetrics metrics, List<GatewayObserver> observers,
            String adminPrefix, Dashboard dashboard) {}

    /**
     * What the dashboard reads: route statistics, the live feed and the cost estimate. They always exist, so that
     * the dashboard answers; without observability nothing feeds them.
     */
    record Dashboard(boolean observability, RouteStatistics statistics, LiveFeed liveFeed, CostEstimate cost) {}

    /**
     * Routes a client would call under apigw's own prefix, which apigw answers itself: each is a startup problem
     * naming the option that moves the prefix. A greedy path or the {@code $default} route may cover the prefix
     * without naming it; apigw's endpoints simply take precedence there.
     */
    static List<String> reservedPathProblems(RouteTable routes, String stage, String adminPrefix) {
        List<String> problems = new ArrayList<>();
        String stagePath = "/" + stage;
        if (stagePath.equals(adminPrefix) || stagePath.startsWith(adminPrefix + "/")) {
            problems.add("the stage " + stage + " is served at " + stagePath + ", apigw's reserved prefix for its own"
                    + " endpoints; pass another --stage, or move apigw's endpoints with --admin-prefix (e.g."
                    + " --admin-prefix /_local)");
            return problems;
        }
        for (RouteEntry route : routes.entries()) {
            String path = route.path();
            if (!path.endsWith("/*") && (path.equals(adminPrefix) || path.startsWith(adminPrefix + "/"))) {
                // An HTTP API's route key already names the method; a REST resource path does not.
                String name = route.routeKeyOrResource().startsWith("/")
                        ? route.method() + " " + route.routeKeyOrResource() : route.routeKeyOrResource();
                problems.add("the route " + name + " is served at " + path
                        + ", under apigw's reserved prefix " + adminPrefix + "; move apigw's endpoints with"
                        + " --admin-prefix (e.g. --admin-prefix /_local, or adminPrefix in apigw.yaml)");
            }
        }
        return problems;
    }

    /** Imports the document, warns of its problems and of what apigw does not enforce, and refuses it if strict. */
    private static Api importApi(GatewayConfig config) {
        ImportResult imported = config.spec().importApi(config.apiType());
        imported.problems().forEach(problem -> LOG.warn("{}", problem));
        Api api = imported.orThrow();
        SupportReport support = SupportReport.of(imported);
        if (config.strict() && !support.isEmpty()) {
            throw new GatewayStartupException(support.strictRefusal());
        }
        support.warning().ifPresent(LOG::warn);
        return api;
    }

    /**
     * @param imported the API another stage of the server already imported from the same document, or null to import
     *     it (and warn of its problems) here
     */
    static GatewayParts assemble(GatewayConfig config, ServerWide shared, @Nullable Api imported) {
        // Velocity's engine takes a few hundred milliseconds to initialise and needs nothing from the spec: it starts
        // on another core while the spec is imported.
        CompletableFuture<MappingTemplates> templates = CompletableFuture.supplyAsync(MappingTemplates::new,
                GatewayAssembly::startDaemon);
        Api api = imported != null ? imported : importApi(config);
        String stage = config.stageFor(api.type());
        RouteTable routes = RouteTable.forApi(api, stage);
        // With the admin endpoints on their own port or off, the prefix is an ordinary path of the API.
        List<String> reserved = config.adminEndpoints().sharesApiPort()
                ? reservedPathProblems(routes, stage, config.adminPrefix()) : List.of();
        if (!reserved.isEmpty()) {
            throw new GatewayStartupException(reserved);
        }
        RequestContexts contexts = new RequestContexts(api.title(), stage, config.stageVariables(),
                api.type() == ApiType.HTTP, config.canaryVariant());
        // Registering every route's meters (a few per route in Micrometer's Prometheus registry) needs only the API:
        // it runs on another core while functions, integrations and authorizers are compiled.
        CompletableFuture<GatewayMetrics> metricsRegistered = CompletableFuture.supplyAsync(
                () -> GatewayMetrics.create(api, contexts.apiId(), stage, shared.metrics()),
                GatewayAssembly::startDaemon);
        FunctionLoader loader = new FunctionLoader(config.classpath(), config::environmentOf, config.functionConfigs(),
                config.remoteLambda(), config.hotReload(), config.requestLimits().lambdaPayloadBytes());
        try {
            Functions functions = new Functions(
                    loader.load(FunctionNames.calledBy(api, config.stageVariables()), config.functions()));
            HttpClient http = new LazyHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)));
            Integrations integrations = Integrations.compile(api, config.stageVariables(), functions, http,
                    joined(templates), config.requestLimits().lambdaPayloadBytes());
            List<String> problems = new ArrayList<>(integrations.problems());
            MethodValidations validations = MethodValidations.compile(api, problems);
            WebSocketGateway webSocket = api instanceof WebSocketApi ws
                    ? WebSocketGateway.compile(ws, stage, config.stageVariables(), functions, problems) : null;
            LocalIssuer issuer = LocalIssuer.create(config.issuerKey(), config.clock(), config.adminPrefix());
            AccessControl accessControl = new AccessControl(resourcePolicy(api, problems),
                    authorizers(api, config, functions, contexts.apiId(), issuer, problems));
            if (!problems.isEmpty()) {
                throw new GatewayStartupException(problems);
            }
            UsageMeter meter = UsageMeter.of(usagePlans(config),
                    config.throttle() == null ? null : config.throttle().toThrottle(),
                    routeThrottles(config, routes), shared.usage());
            GatewayMetrics metrics = joined(metricsRegistered);
            Dashboard dashboard = new Dashboard(config.observability(),
                    RouteStatistics.create(routes.entries(),
                            webSocket == null ? List.of() : webSocket.routeKeys(), config.clock()),
                    new LiveFeed(config.clock()),
                    new CostEstimate(api.type()));
            List<GatewayObserver> observers = new ArrayList<>();
            if (config.observability()) {
                observers.add(metrics);
                observers.add(dashboard.statistics());
                observers.add(dashboard.cost());
                // Last: the feed only queues. The journal is told before all of these (Gateway.handle), so a browser
                // that sees a request in the feed finds it at PREFIX/api/journal/{id}.
                observers.add(dashboard.liveFeed());
                if (webSocket != null) {
                    // Also turns on keeping each connection's last frames for the dashboard.
                    webSocket.observeWith(WebSocketObserver.all(List.of(metrics, dashboard.statistics(),
                            dashboard.cost(), dashboard.liveFeed())));
                }
            }
            if (config.accessLogFormat() != null) {
                observers.add(AccessLog.create(config.accessLogFormat(), config.accessLogFile(),
                        api.type() == ApiType.HTTP));
            }
            return new GatewayParts(api, stage, routes, integrations, functions, contexts, loader,
                    config.stageVariables(), webSocket, validations, accessControl, meter, issuer, metrics,
                    List.copyOf(observers), config.adminPrefix(), dashboard);
        } catch (RuntimeException e) {
            loader.close();
            throw e;
        }
    }

    /** The future's value; its failure as thrown where the work would have run in line. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Runs a startup task on its own short-lived thread: the common pool may be small or busy with user tasks. */
    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "apigw-startup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every authorization mechanism the API uses; each answers only for its own routes. */
    private static List<RouteAuthorizer> authorizers(Api api, GatewayConfig config, Functions functions, String apiId,
            LocalIssuer issuer, List<String> problems) {
        List<RouteAuthorizer> mechanisms = new ArrayList<>();
        mechanisms.add(IamAuthorization.of(config.iamCredentials(), RequestContexts.ACCOUNT_ID, config.clock()));
        if (api instanceof RestApi rest) {
            mechanisms.add(LambdaAuthorizers.compile(rest, config.stageVariables(), functions,
                    RequestContexts.ACCOUNT_ID, apiId, problems, config.clock()));
            mechanisms.add(CognitoAuthorizers.compile(rest, config.jwks(), issuer, config.clock(), problems));
        } else if (api instanceof HttpApi http) {
            mechanisms.add(HttpLambdaAuthorizers.compile(http, config.stageVariables(), functions,
                    RequestContexts.ACCOUNT_ID, apiId, problems, config.clock()));
            mechanisms.add(JwtAuthorizers.compile(http, config.jwks(), issuer, config.clock(), problems));
        }
        return mechanisms;
    }

    private static ResourcePolicy resourcePolicy(Api api, List<String> problems) {
        try {
            return ResourcePolicy.compile(api instanceof RestApi rest ? rest.policy() : null,
                    "x-amazon-apigateway-policy");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return ResourcePolicy.allowAll();
        }
    }

    /**
     * {@code --route-throttle} settings, each naming a method of the API as AWS's method settings do
     * ({@code /pets/{id}/GET}) or an HTTP API route key ({@code GET /pets/{id}}).
     *
     * @throws GatewayStartupException for a key that names no method or route
     */
    private static Map<String, Throttle> routeThrottles(GatewayConfig config, RouteTable routes) {
        List<String> known = routes.entries().stream().map(entry -> entry.routeKeyOrResource().startsWith("/")
                ? entry.routeKeyOrResource() + "/" + entry.method() : entry.routeKeyOrResource()).toList();
        Map<String, Throttle> throttles = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        config.routeThrottles().forEach((key, throttle) -> {
            if (known.contains(key)) {
                throttles.put(key, throttle.toThrottle());
            } else {
                unknown.add("route throttle '" + key + "' names no method of the API. Use one of: "
                        + String.join(", ", known));
            }
        });
        if (!unknown.isEmpty()) {
            throw new GatewayStartupException(unknown);
        }
        return throttles;
    }

    /** The keys of {@code --api-key} in a plan without limits, plus the plans of the usage-plans file. */
    private static UsagePlans usagePlans(GatewayConfig config) {
        List<UsagePlans.UsagePlan> plans = new ArrayList<>(UsagePlans.ofKeys(config.apiKeys()).plans());
        if (config.usagePlans() != null) {
            plans.addAll(UsagePlans.read(config.usagePlans()).plans());
        }
        return new UsagePlans(plans);
    }
}
