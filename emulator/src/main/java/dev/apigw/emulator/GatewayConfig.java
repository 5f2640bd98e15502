package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.model.ApiType;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.auth.JwksSource;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.lambda.remote.RemoteLambda;
import org.jspecify.annotations.Nullable;

/**
 * Everything a gateway is started with. The CLI, the JUnit extension and Java callers all build one of
 * these through {@link #builder()}; defaults live here and nowhere else.
 *
 * @param apiType null = decided by the document (see the README's rule)
 * @param stage null = {@code dev} for REST APIs, {@code $default} for HTTP APIs
 * @param port 0 picks a free port
 * @param classpath where handler classes named by {@link FunctionDefinition.HandlerClass} are loaded from
 * @param webSocketLimits frame, message, idle and duration limits of WebSocket APIs (AWS's by default)
 * @param requestLimits payload, Lambda payload, header and URL size limits (AWS's by default)
 * @param apiKeys API keys accepted on {@code apiKeyRequired} methods, in a default usage plan without limits
 * @param usagePlans a usage-plans file (plans with throttles, quotas and their keys), or null
 * @param throttle the stage's default throttle, or null for none
 * @param routeThrottles the stage's per-method throttles, replacing {@code throttle} for those methods: keyed
 *     {@code /pets/{id}/GET} on REST APIs (AWS's method settings), {@code GET /pets/{id}} on HTTP APIs (route keys)
 * @param accountThrottle the account-level throttle every request of the gateway counts against: AWS's default
 *     10,000 requests per second with a burst of 5,000 ({@link #AWS_ACCOUNT_THROTTLE}); AWS raises it on request,
 *     and a load test raises it here
 * @param clock what throttles, quotas, caches and token expiry count time with (a test can advance it)
 * @param iamCredentials access keys accepted on {@code AWS_IAM} routes (SigV4)
 * @param jwks where JWT and Cognito authorizers get their verification keys, by authorizer name, issuer, or
 *     {@code *}; anything not listed uses the local issuer's keys
 * @param issuerKey the local issuer's signing key file (created when missing); null = a new key for this gateway
 * @param strict refuse to start when the document uses a setting apigw does not enforce
 * @param sharedEnvironment environment variables of every function ({@code Parameters} of a SAM env-vars file)
 * @param functionEnvironments each function's own environment variables, over the shared ones
 * @param functionConfigs per-function timeout, memory size and reserved concurrency, over the definitions
 * @param remoteLambda where {@link FunctionDefinition.Remote} functions are invoked; null = none configured
 * @param hotReload reload a function's classes when its classpath changes (the CLI's default; off in tests)
 * @param watchSpec re-import the spec when it changes, keeping the old API while a new one has errors
 * @param accessLogFormat the access log's format (a preset name or a {@code $context} format string); null = none
 * @param accessLogFile where the access log goes; null = standard output
 * @param journalSize how many answered requests the request journal keeps ({@code /_apigw/journal},
 *     {@link Gateway#journal()}); 0 = no journal, and nothing of a request's details is captured
 * @param adminPrefix where apigw serves its own endpoints (health, dashboard, metrics, journal, issuer); a spec
 *     route under it is a startup error
 * @param observability metrics, the request journal, route statistics and the dashboard's live feed; off, the
 *     gateway records nothing (access logs still follow {@code accessLogFormat}), for measuring what they cost
 * @param adminEndpoints where apigw's own endpoints (dashboard, metrics, health, journal, issuer, the Lambda Invoke
 *     API) are served: on the API's port (the default), on a port of their own, or not at all
 * @param shutdownGrace how long {@link GatewayServer#close()} lets requests in flight finish after it stopped
 *     accepting connections ({@link #DEFAULT_SHUTDOWN_GRACE} by default)
 * @param minimumCompressionSize a REST API's response compression in place of the document's
 *     {@code x-amazon-apigateway-minimum-compression-size} (a size, or off); null = the document's
 * @param stageCache the REST stage's response cache: TTLs per stage and method, and who may invalidate entries
 *     ({@link StageCacheSettings#OFF} by default, as a new AWS stage has no cache)
 * @param stages several stages served at once, in order, each with what it sets over the shared settings (its
 *     variables, canary, throttles, cache, access log); empty = the one stage {@code stage} names. When set,
 *     {@code stage} is ignored and the first stage is the server's main one.
 * @param canary the stage's canary (REST APIs only), or null for none; with {@code stages}, the canary of every stage
 *     that has none of its own
 * @param canaryVariant whether this config is a stage's canary variant: its requests are canary requests
 */
public record GatewayConfig(
        SpecSource spec,
        @Nullable ApiType apiType,
        String host,
        int port,
        @Nullable String stage,
        Map<String, String> stageVariables,
        Map<String, FunctionDefinition> functions,
        List<Path> classpath,
        WebSocketLimits webSocketLimits,
        RequestLimits requestLimits,
        List<String> apiKeys,
        @Nullable Path usagePlans,
        @Nullable StageThrottle throttle,
        Map<String, StageThrottle> routeThrottles,
        StageThrottle accountThrottle,
        Clock clock,
        List<IamCredential> iamCredentials,
        Map<String, JwksSource> jwks,
        @Nullable Path issuerKey,
        boolean strict,
        Map<String, String> sharedEnvironment,
        Map<String, Map<String, String>> functionEnvironments,
        Map<String, FunctionConfig> functionConfigs,
        @Nullable RemoteLambda remoteLambda,
        boolean hotReload,
        boolean watchSpec,
        @Nullable String accessLogFormat,
        @Nullable Path accessLogFile,
        int journalSize,
        String adminPrefix,
        boolean observability,
        AdminEndpoints adminEndpoints,
        Duration shutdownGrace,
        @Nullable MinimumCompressionSize minimumCompressionSize,
        StageCacheSettings stageCache,
        Map<String, StageOptions> stages,
        @Nullable Canary canary,
        boolean canaryVariant) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_REST_STAGE = "dev";
    public static final String DEFAULT_HTTP_STAGE = "$default";
    public static final int DEFAULT_JOURNAL_SIZE = 1000;
    public static final String DEFAULT_ADMIN_PREFIX = "/_apigw";
    /**
     * Five seconds: a local request rarely runs longer, and it leaves room below {@code docker stop}'s ten seconds
     * before SIGKILL for closing WebSocket connections and the server.
     */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** AWS's default account throttle per Region: 10,000 requests per second, burst 5,000. */
    public static final StageThrottle AWS_ACCOUNT_THROTTLE = new StageThrottle(
            dev.apigw.emulator.usage.Throttle.ACCOUNT_DEFAULT.rateLimit(),
            dev.apigw.emulator.usage.Throttle.ACCOUNT_DEFAULT.burstLimit());
    /** One or more path segments of URL-safe characters, no trailing slash: {@code /_apigw}, {@code /_local/admin}. */
    private static final java.util.regex.Pattern ADMIN_PREFIX = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    public GatewayConfig {
        requireNonNull(spec, "spec");
        requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        stageVariables = Map.copyOf(stageVariables);
        functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        classpath = List.copyOf(classpath);
        requireNonNull(webSocketLimits, "webSocketLimits");
        requireNonNull(requestLimits, "requestLimits");
        apiKeys = List.copyOf(apiKeys);
        requireNonNull(clock, "clock");
        routeThrottles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routeThrottles));
        requireNonNull(accountThrottle, "accountThrottle");
        iamCredentials = List.copyOf(iamCredentials);
        jwks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jwks));
        sharedEnvironment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sharedEnvironment));
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        functionEnvironments.forEach((name, variables) -> environments.put(name,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables))));
        functionEnvironments = java.util.Collections.unmodifiableMap(environments);
        functionConfigs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functionConfigs));
        if (journalSize < 0) {
            throw new IllegalArgumentException("the journal size must be 0 (no journal) or more, was " + journalSize);
        }
        requireNonNull(adminPrefix, "adminPrefix");
        if (!ADMIN_PREFIX.matcher(adminPrefix).matches()) {
            throw new IllegalArgumentException("the admin prefix must be a path such as /_apigw or /_local/admin"
                    + " (segments of letters, digits, '.', '_', '~', '-'; no trailing slash), was " + adminPrefix);
        }
        requireNonNull(adminEndpoints, "adminEndpoints");
        requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("the shutdown grace period must be 0 or more, was " + shutdownGrace);
        }
        requireNonNull(stageCache, "stageCache");
        stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /**
     * One config per stage served: this config alone when {@code stages} is empty, otherwise a single-stage copy per
     * stage, with what that stage sets ({@link StageOptions}) over the shared settings.
     */
    public List<GatewayConfig> stageConfigs() {
        if (stages.isEmpty()) {
            return List.of(this);
        }
        List<GatewayConfig> configs = new java.util.ArrayList<>();
        stages.forEach((name, options) -> configs.add(options.applyTo(toBuilder().stage(name).clearStages()).build()));
        return List.copyOf(configs);
    }

    /** A function's environment as configured: the shared variables, then its own over them. */
    public Map<String, String> environmentOf(String function) {
        Map<String, String> environment = new LinkedHashMap<>(sharedEnvironment);
        environment.putAll(functionEnvironments.getOrDefault(function, Map.of()));
        return environment;
    }

    /** The stage in force for an API of the given type. */
    public String stageFor(ApiType type) {
        if (stage != null) {
            return stage;
        }
        // A WebSocket API, like a REST API, is always served under a stage: ws://host:port/{stage}.
        return type == ApiType.HTTP ? DEFAULT_HTTP_STAGE : DEFAULT_REST_STAGE;
    }

    /**
     * The config of this stage's canary variant: the canary's stage variables over the stage's, off the stage cache
     * unless the canary uses it (then the caller shares the main variant's cache).
     */
    public GatewayConfig canaryConfig() {
        if (canary == null) {
            throw new IllegalStateException("this stage has no canary");
        }
        Builder builder = toBuilder().canary(null).canaryVariant(true);
        canary.stageVariableOverrides().forEach(builder::stageVariable);
        if (!canary.useStageCache()) {
            builder.stageCache(StageCacheSettings.OFF);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().spec(spec).apiType(apiType).host(host).port(port).stage(stage)
                .webSocketLimits(webSocketLimits)
                .requestLimits(requestLimits).usagePlans(usagePlans).throttle(throttle)
                .accountThrottle(accountThrottle).clock(clock)
                .issuerKey(issuerKey).strict(strict).remoteLambda(remoteLambda).hotReload(hotReload)
                .watchSpec(watchSpec).accessLog(accessLogFormat, accessLogFile).journalSize(journalSize)
                .adminPrefix(adminPrefix).observability(observability).adminEndpoints(adminEndpoints)
                .shutdownGrace(shutdownGrace).minimumCompressionSize(minimumCompressionSize).stageCache(stageCache)
                .canary(canary).canaryVariant(canaryVariant);
        builder.stages.putAll(stages);
        builder.apiKeys.addAll(apiKeys);
        builder.routeThrottles.putAll(routeThrottles);
        builder.iamCredentials.addAll(iamCredentials);
        builder.jwks.putAll(jwks);
        builder.sharedEnvironment.putAll(sharedEnvironment);
        functionEnvironments.forEach((name, variables) ->
                builder.functionEnvironments.put(name, new LinkedHashMap<>(variables)));
        builder.functionConfigs.putAll(functionConfigs);
        builder.stageVariables.putAll(stageVariables);
        builder.functions.putAll(functions);
        builder.classpath.addAll(classpath);
        return builder;
    }

    /** Plain setters; {@link #build()} validates. */
    public static final class Builder {
        private @Nullable SpecSource spec;
        private @Nullable ApiType apiType;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private @Nullable String stage;
        private final Map<String, String> stageVariables = new LinkedHashMap<>();
        private final Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        private final List<Path> classpath = new ArrayList<>();
        private WebSocketLimits webSocketLimits = WebSocketLimits.aws();
        private RequestLimits requestLimits = RequestLimits.aws();
        private final List<String> apiKeys = new ArrayList<>();
        private @Nullable Path usagePlans;
        private @Nullable StageThrottle throttle;
        private final Map<String, StageThrottle> routeThrottles = new LinkedHashMap<>();
        private StageThrottle accountThrottle = AWS_ACCOUNT_THROTTLE;
        private Clock clock = Clock.systemUTC();
        private final List<IamCredential> iamCredentials = new ArrayList<>();
        private final Map<String, JwksSource> jwks = new LinkedHashMap<>();
        private @Nullable Path issuerKey;
        private boolean strict;
        private final Map<String, String> sharedEnvironment = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> functionEnvironments = new LinkedHashMap<>();
        private final Map<String, FunctionConfig> functionConfigs = new LinkedHashMap<>();
        private @Nullable RemoteLambda remoteLambda;
        private boolean hotReload;
        private boolean watchSpec;
        private @Nullable String accessLogFormat;
        private @Nullable Path accessLogFile;
        private int journalSize = DEFAULT_JOURNAL_SIZE;
        private String adminPrefix = DEFAULT_ADMIN_PREFIX;
        private boolean observability = true;
        private AdminEndpoints adminEndpoints = AdminEndpoints.onApiPort();
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private @Nullable MinimumCompressionSize minimumCompressionSize;
        private StageCacheSettings stageCache = StageCacheSettings.OFF;
        private final Map<String, StageOptions> stages = new LinkedHashMap<>();
        private @Nullable Canary canary;
        private boolean canaryVariant;

        private Builder() {}

        public Builder spec(SpecSource spec) {
            this.spec = spec;
            return this;
        }

        public Builder spec(Path file) {
            return spec(SpecSource.file(file));
        }

        public Builder apiType(@Nullable ApiType apiType) {
            this.apiType = apiType;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder stage(@Nullable String stage) {
            this.stage = stage;
            return this;
        }

        public Builder stageVariable(String name, String value) {
            stageVariables.put(name, value);
            return this;
        }

        public Builder function(String name, FunctionDefinition definition) {
            functions.put(name, definition);
            return this;
        }

        public Builder classpath(Path entry) {
            classpath.add(entry);
            return this;
        }

        public Builder apiKey(String key) {
            apiKeys.add(key);
            return this;
        }

        public Builder usagePlans(@Nullable Path file) {
            this.usagePlans = file;
            return this;
        }

        public Builder throttle(@Nullable StageThrottle throttle) {
            this.throttle = throttle;
            return this;
        }

        /** The account throttle over all of the gateway's requests (AWS's default unless raised, as AWS raises it). */
        public Builder accountThrottle(StageThrottle accountThrottle) {
            this.accountThrottle = requireNonNull(accountThrottle, "accountThrottle");
            return this;
        }

        /** A method's (REST {@code /pets/{id}/GET}) or route's (HTTP API {@code GET /pets/{id}}) stage throttle. */
        public Builder routeThrottle(String key, StageThrottle throttle) {
            routeThrottles.put(key, throttle);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder iamCredential(IamCredential credential) {
            iamCredentials.add(credential);
            return this;
        }

        /** {@code name}: an authorizer name, an issuer URL, or {@code *} for every authorizer not named. */
        public Builder jwks(String name, JwksSource source) {
            jwks.put(name, source);
            return this;
        }

        public Builder issuerKey(@Nullable Path file) {
            this.issuerKey = file;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** An environment variable of every function (SAM's {@code Parameters}). */
        public Builder sharedEnvironment(String key, String value) {
            sharedEnvironment.put(key, value);
            return this;
        }

        /** An environment variable of one function, over the shared ones. */
        public Builder functionEnvironment(String function, String key, String value) {
            functionEnvironments.computeIfAbsent(function, name -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        public Builder functionConfig(String function, FunctionConfig config) {
            functionConfigs.put(function, config);
            return this;
        }

        public Builder remoteLambda(@Nullable RemoteLambda remote) {
            this.remoteLambda = remote;
            return this;
        }

        public Builder hotReload(boolean hotReload) {
            this.hotReload = hotReload;
            return this;
        }

        /** An access log in {@code format} (a preset name or a format string) to {@code file}, or stdout if null. */
        public Builder accessLog(@Nullable String format, @Nullable Path file) {
            this.accessLogFormat = format;
            this.accessLogFile = file;
            return this;
        }

        /** Keep the last {@code size} answered requests in the request journal; 0 turns it off. */
        public Builder journalSize(int size) {
            this.journalSize = size;
            return this;
        }

        /** Serve apigw's own endpoints under this path instead of {@code /_apigw}. */
        public Builder adminPrefix(String prefix) {
            this.adminPrefix = prefix;
            return this;
        }

        /** Turn metrics, the journal, route statistics and the live feed off (true by default). */
        public Builder observability(boolean on) {
            this.observability = on;
            return this;
        }

        /** Serve apigw's own endpoints on the API's port (default), on a port of their own, or not at all. */
        public Builder adminEndpoints(AdminEndpoints adminEndpoints) {
            this.adminEndpoints = requireNonNull(adminEndpoints, "adminEndpoints");
            return this;
        }

        /** How long a stop lets requests in flight finish once no new connections are accepted. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = requireNonNull(grace, "shutdownGrace");
            return this;
        }

        /** A REST API's response compression in place of the document's; null (the default) keeps the document's. */
        public Builder minimumCompressionSize(@Nullable MinimumCompressionSize size) {
            this.minimumCompressionSize = size;
            return this;
        }

        /** The REST stage's cache settings (off by default). */
        public Builder stageCache(StageCacheSettings stageCache) {
            this.stageCache = requireNonNull(stageCache, "stageCache");
            return this;
        }

        /** Changes the stage cache settings so far, e.g. {@code cache -> cache.withTtl(300)}. */
        public Builder stageCache(java.util.function.UnaryOperator<StageCacheSettings> change) {
            return stageCache(change.apply(stageCache));
        }

        public Builder watchSpec(boolean watchSpec) {
            this.watchSpec = watchSpec;
            return this;
        }

        public Builder webSocketLimits(WebSocketLimits limits) {
            this.webSocketLimits = limits;
            return this;
        }

        public Builder requestLimits(RequestLimits limits) {
            this.requestLimits = requireNonNull(limits, "requestLimits");
            return this;
        }

        /** Changes some of the request limits set so far, e.g. {@code limits -> limits.withPayloadBytes(1024)}. */
        public Builder requestLimits(java.util.function.UnaryOperator<RequestLimits> change) {
            return requestLimits(change.apply(requestLimits));
        }

        /** Serves this stage too (the first one added is the main stage); its variables go over the shared ones. */
        public Builder addStage(String name, StageOptions options) {
            stages.put(requireNonNull(name, "name"), requireNonNull(options, "options"));
            return this;
        }

        /** Serves this stage too, with only the shared stage variables. */
        public Builder addStage(String name) {
            return addStage(name, stages.getOrDefault(name, StageOptions.NONE));
        }

        /** A stage variable for one of the stages added with {@link #addStage}, adding the stage if new. */
        public Builder stageVariable(String stage, String name, String value) {
            return changeStage(stage, options -> options.withVariable(name, value));
        }

        /** The stage's canary (REST APIs only); with {@link #addStage}, every stage's that has none of its own. */
        public Builder canary(@Nullable Canary canary) {
            this.canary = canary;
            return this;
        }

        /** Sets one added stage's canary, adding the stage if new. */
        public Builder canary(String stage, @Nullable Canary stageCanary) {
            return changeStage(stage, options -> options.withCanary(stageCanary));
        }

        /** One added stage's default throttle, in place of the shared one; adds the stage if new. */
        public Builder throttle(String stage, StageThrottle stageThrottle) {
            return changeStage(stage, options -> options.withThrottle(stageThrottle));
        }

        /** One added stage's method or route throttle, over the shared one; adds the stage if new. */
        public Builder routeThrottle(String stage, String key, StageThrottle routeThrottle) {
            return changeStage(stage, options -> options.withRouteThrottle(key, routeThrottle));
        }

        /**
         * Changes one added stage's cache settings: its own if it has them, else the shared settings given so far
         * (so set the shared ones first); adds the stage if new.
         */
        public Builder stageCache(String stage, java.util.function.UnaryOperator<StageCacheSettings> change) {
            return changeStage(stage, options -> options.withCache(
                    change.apply(options.cache() != null ? options.cache() : stageCache)));
        }

        /**
         * One added stage's access log, in place of the shared one; adds the stage if new. A null format or file is
         * the shared one given so far (the format {@code clf} if none).
         */
        public Builder accessLog(String stage, @Nullable String format, @Nullable Path file) {
            AccessLogSettings settings = new AccessLogSettings(
                    format != null ? format : accessLogFormat != null ? accessLogFormat : "clf",
                    file != null ? file : accessLogFile);
            return changeStage(stage, options -> options.withAccessLog(settings));
        }

        private Builder changeStage(String stage, java.util.function.UnaryOperator<StageOptions> change) {
            return addStage(stage, change.apply(stages.getOrDefault(stage, StageOptions.NONE)));
        }

        Builder canaryVariant(boolean canaryVariant) {
            this.canaryVariant = canaryVariant;
            return this;
        }

        Builder clearStages() {
            stages.clear();
            return this;
        }

        public GatewayConfig build() {
            if (spec == null) {
                throw new IllegalStateException("no spec given: call spec(Path) or spec(SpecSource)");
            }
            return new GatewayConfig(spec, apiType, host, port, stage, stageVariables, functions, classpath,
                    webSocketLimits, requestLimits, apiKeys, usagePlans, throttle, routeThrottles, accountThrottle, clock,
                    iamCredentials, jwks, issuerKey,
                    strict, sharedEnvironment, functionEnvironments, functionConfigs, remoteLambda, hotReload, watchSpec, accessLogFormat, accessLogFile,
                    journalSize, adminPrefix, observability, adminEndpoints, shutdownGrace, minimumCompressionSize,
                    stageCache, stages, canary, canaryVariant);
        }
    }
}
