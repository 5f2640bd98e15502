package dev.apigw.emulator.junit;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import dev.apigw.emulator.FunctionConfig;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.MinimumCompressionSize;
import dev.apigw.emulator.AdminEndpoints;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.MutableClock;
import dev.apigw.emulator.RecordedInvocation;
import dev.apigw.lambda.remote.RemoteLambda;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.StageOptions;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.WebSocketLimits;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.auth.JwksSource;
import dev.apigw.emulator.auth.jwt.TokenBuilder;
import dev.apigw.emulator.observe.Journal;
import dev.apigw.emulator.websocket.OpenConnection;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.model.ApiType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an apigw gateway for a JUnit 5 test: a {@code static} field gives one gateway per test class (reset
 * before each test), an instance field one gateway per test. The gateway listens on a free port.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("petstore/openapi.yaml")
 *         .withFunction("ListPets", new ListPetsHandler())
 *         .withStageVariable("table", "pets-test");
 *
 * @Test
 * void lists_pets() throws Exception {
 *     var response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/pets")).build(),
 *             HttpResponse.BodyHandlers.ofString());
 *     assertThat(response.statusCode()).isEqualTo(200);
 * }
 * }</pre>
 *
 * Each {@code withX} returns a new, immutable extension, so a shared base can be specialised per class.
 */
public final class ApiGatewayExtension implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApiGatewayExtension.class);

    private final String specLocation;
    private final UnaryOperator<GatewayConfig.Builder> settings;
    private final boolean resetBetweenTests;
    private volatile @Nullable RunningGateway running;

    private ApiGatewayExtension(String specLocation, UnaryOperator<GatewayConfig.Builder> settings, boolean reset) {
        this.specLocation = specLocation;
        this.settings = settings;
        this.resetBetweenTests = reset;
    }

    /** The API definition, looked up on the test classpath first, then as a file (relative to the working directory). */
    public static ApiGatewayExtension fromSpec(String location) {
        return new ApiGatewayExtension(requireNonNull(location, "location"), b -> b.port(0), true);
    }

    private ApiGatewayExtension with(UnaryOperator<GatewayConfig.Builder> more) {
        return new ApiGatewayExtension(specLocation, b -> more.apply(settings.apply(b)), resetBetweenTests);
    }

    /**
     * Serves a function the API calls with a handler instance: a {@link LambdaFunction}, a {@code RequestHandler},
     * a {@code RequestStreamHandler}, or any object with a public {@code handleRequest} method.
     */
    public ApiGatewayExtension withFunction(String name, Object handler) {
        requireNonNull(handler, "handler");
        return with(b -> b.function(name, new FunctionDefinition.Instance(handler, null)));
    }

    /** As {@link #withFunction(String, Object)}, with the function's own timeout (Lambda's default is 3 s). */
    public ApiGatewayExtension withFunction(String name, Object handler, Duration timeout) {
        return with(b -> b.function(name, new FunctionDefinition.Instance(handler, timeout)));
    }

    public ApiGatewayExtension withStageVariable(String name, String value) {
        return with(b -> b.stageVariable(name, value));
    }

    public ApiGatewayExtension withStage(String stage) {
        return with(b -> b.stage(stage));
    }

    /**
     * Serves several stages of the API at once, the first being the main one ({@link #uri(String)},
     * {@link #gateway()}); {@link #uri(String, String)} addresses the others. Every {@code withX} setting is shared by
     * all of them; {@link #withStage(String, StageOptions)} gives one stage its own.
     */
    public ApiGatewayExtension withStages(String... stages) {
        return with(b -> {
            for (String stage : stages) {
                b.addStage(stage);
            }
            return b;
        });
    }

    /**
     * Serves this stage too, with its own settings over the shared ones: variables, canary, throttles, cache and
     * access log, e.g. {@code withStage("prod", StageOptions.NONE.withVariable("table", "pets").withThrottle(
     * new StageThrottle(5, 10)))}.
     */
    public ApiGatewayExtension withStage(String stage, StageOptions options) {
        return with(b -> b.addStage(stage, options));
    }

    /** The stage's canary (REST APIs): a share of requests served with the canary's stage variables. */
    public ApiGatewayExtension withCanary(Canary canary) {
        return with(b -> b.canary(canary));
    }

    public ApiGatewayExtension withApiType(ApiType apiType) {
        return with(b -> b.apiType(apiType));
    }

    /**
     * A function's environment variables. A function loaded by handler class from its own classpath reads them
     * with {@code System.getenv}; a handler instance from the test's classpath shares the JVM's environment (see the
     * README's "Function environments").
     */
    public ApiGatewayExtension withFunctionEnvironment(String name, Map<String, String> variables) {
        return with(b -> {
            variables.forEach((key, value) -> b.functionEnvironment(name, key, value));
            return b;
        });
    }

    /** A function's timeout, memory size and reserved concurrency (null keeps the definition's or Lambda's). */
    public ApiGatewayExtension withFunctionConfig(String name, FunctionConfig config) {
        return with(b -> b.functionConfig(name, config));
    }

    /** A function invoked through the Lambda Invoke API at {@link #withLambdaEndpoint}'s endpoint. */
    public ApiGatewayExtension withRemoteFunction(String name, String functionNameOrArn) {
        return with(b -> b.function(name, new FunctionDefinition.Remote(functionNameOrArn)));
    }

    /** Where remote functions are invoked: LocalStack, another apigw, or AWS. */
    public ApiGatewayExtension withLambdaEndpoint(RemoteLambda remote) {
        return with(b -> b.remoteLambda(remote));
    }

    /** An access log in API Gateway's format: a preset ({@code clf}, {@code json}, ...) or a format string. */
    public ApiGatewayExtension withAccessLog(String format, Path file) {
        return with(b -> b.accessLog(format, file));
    }

    /** Serve apigw's own endpoints (health, dashboard, metrics, journal, issuer) under this path instead of /_apigw. */
    public ApiGatewayExtension withAdminPrefix(String prefix) {
        return with(b -> b.adminPrefix(prefix));
    }

    /** Serves apigw's own endpoints on a port of their own (0 picks a free one); see {@link #adminUri()}. */
    public ApiGatewayExtension withAdminPort(int port) {
        return with(b -> b.adminEndpoints(AdminEndpoints.onPort(port)));
    }

    /** Serves none of apigw's own endpoints (dashboard, metrics, health, journal, issuer, Lambda Invoke API). */
    public ApiGatewayExtension withoutAdminEndpoints() {
        return with(b -> b.adminEndpoints(AdminEndpoints.off()));
    }

    /** How long closing the gateway lets requests in flight finish (5 s unless set). */
    public ApiGatewayExtension withShutdownGrace(Duration grace) {
        return with(b -> b.shutdownGrace(grace));
    }

    /**
     * Compresses REST API responses of at least {@code bytes} for clients that accept gzip or deflate, in place of
     * the document's {@code x-amazon-apigateway-minimum-compression-size}.
     */
    public ApiGatewayExtension withMinimumCompressionSize(int bytes) {
        return with(b -> b.minimumCompressionSize(MinimumCompressionSize.of(bytes)));
    }

    /** Compresses no response, whatever the document's {@code x-amazon-apigateway-minimum-compression-size}. */
    public ApiGatewayExtension withoutCompression() {
        return with(b -> b.minimumCompressionSize(MinimumCompressionSize.off()));
    }

    /** Keep the last {@code size} requests in the request journal; 0 captures nothing. */
    public ApiGatewayExtension withJournalSize(int size) {
        return with(b -> b.journalSize(size));
    }

    /** An API key accepted on {@code apiKeyRequired} methods (sent as {@code x-api-key}), in a plan without limits. */
    public ApiGatewayExtension withApiKey(String key) {
        return with(b -> b.apiKey(key));
    }

    /** A usage-plans file: plans with throttles, quotas and their keys (format in the README). */
    public ApiGatewayExtension withUsagePlans(Path file) {
        return with(b -> b.usagePlans(file));
    }

    /** The stage's default throttle; time only moves when the test advances {@link #clock()}. */
    public ApiGatewayExtension withThrottle(double rate, int burst) {
        return with(b -> b.throttle(new StageThrottle(rate, burst)));
    }

    /**
     * One method's stage throttle, replacing {@link #withThrottle}'s default for it: {@code /pets/{id}/GET} on REST
     * APIs, a route key such as {@code GET /pets/{id}} on HTTP APIs.
     */
    public ApiGatewayExtension withRouteThrottle(String key, double rate, int burst) {
        return with(b -> b.routeThrottle(key, new StageThrottle(rate, burst)));
    }

    /**
     * Raises (or lowers) the account throttle every request counts against, AWS's 10,000 requests per second with a
     * burst of 5,000 by default: a load test through the fixture raises it as one would ask AWS to.
     */
    public ApiGatewayExtension withAccountThrottle(double rate, int burst) {
        return with(b -> b.accountThrottle(new StageThrottle(rate, burst)));
    }

    /** Turns the REST stage's cache on for GET methods with AWS's default TTL, 300 s. */
    public ApiGatewayExtension withStageCache() {
        return withStageCache(Duration.ofSeconds(StageCacheSettings.DEFAULT_TTL_SECONDS));
    }

    /**
     * Turns the REST stage's cache on for GET methods with this TTL (at most 3600 s); entries expire by
     * {@link #clock()}, and are flushed between tests.
     */
    public ApiGatewayExtension withStageCache(Duration ttl) {
        return with(b -> b.stageCache(cache -> cache.withTtl(seconds(ttl))));
    }

    /** One method's cache TTL ({@code /pets/{id}/GET}, {@code /orders/POST}), over the stage's; zero turns it off. */
    public ApiGatewayExtension withMethodCache(String key, Duration ttl) {
        return with(b -> b.stageCache(cache -> cache.withMethod(key, seconds(ttl))));
    }

    /** Who may invalidate an entry with {@code Cache-Control: max-age=0}, and what happens to anyone else. */
    public ApiGatewayExtension withCacheInvalidation(boolean requireAuthorization,
            UnauthorizedCacheControlHeaderStrategy strategy) {
        return with(b -> b.stageCache(cache -> cache.withInvalidation(requireAuthorization, strategy)));
    }

    private static int seconds(Duration ttl) {
        return Math.toIntExact(ttl.toSeconds());
    }

    /** An access key accepted on {@code AWS_IAM} routes; sign requests with it using the AWS SDK's SigV4 signer. */
    public ApiGatewayExtension withIamCredentials(String accessKeyId, String secretAccessKey) {
        return with(b -> b.iamCredential(new IamCredential(accessKeyId, secretAccessKey)));
    }

    /**
     * Where a JWT or Cognito authorizer's keys come from instead of the local issuer: {@code name} is an authorizer
     * name, an issuer or {@code *}; {@code source} is {@code discover}, a JWKS URL or a JWKS file path.
     */
    public ApiGatewayExtension withJwks(String name, String source) {
        return with(b -> b.jwks(name, JwksSource.parse(source)));
    }

    /** Fail the test class when the spec uses a setting apigw does not enforce. */
    public ApiGatewayExtension strict() {
        return with(b -> b.strict(true));
    }

    /** WebSocket limits other than AWS's, e.g. a short idle timeout to test it quickly. */
    public ApiGatewayExtension withWebSocketLimits(WebSocketLimits limits) {
        return with(b -> b.webSocketLimits(limits));
    }

    /** Payload, Lambda payload, header and URL size limits; smaller than AWS's, their answers are quick to test. */
    public ApiGatewayExtension withRequestLimits(RequestLimits limits) {
        return with(b -> b.requestLimits(limits));
    }

    /** A fixed port instead of a free one. */
    public ApiGatewayExtension withPort(int port) {
        return with(b -> b.port(port));
    }

    /** Whether a class-wide gateway forgets invocations and stubs before each test (default true). */
    public ApiGatewayExtension resetBetweenTests(boolean reset) {
        return new ApiGatewayExtension(specLocation, settings, reset);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // JUnit calls beforeAll again for each @Nested class: they share the enclosing class's gateway.
        if (running == null) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RunningGateway current = running;
        if (current == null) {
            start(context);
        } else if (resetBetweenTests) {
            current.server().reset();
        }
    }

    private void start(ExtensionContext context) {
        MutableClock clock = MutableClock.now();
        GatewayConfig config = settings.apply(GatewayConfig.builder().spec(SpecLocator.locate(specLocation))
                .clock(clock)).build();
        GatewayServer server = GatewayServer.start(config);
        RunningGateway started = new RunningGateway(server, HttpClient.newHttpClient(), this, clock);
        running = started;
        // The store owns the lifetime: JUnit closes the gateway when the context that started it ends.
        context.getStore(NAMESPACE).put(started, started);
    }

    void stopped(RunningGateway gateway) {
        if (running == gateway) {
            running = null;
        }
    }

    private RunningGateway running() {
        RunningGateway current = running;
        if (current == null) {
            throw new IllegalStateException("gateway is not running: is the field annotated with @RegisterExtension, "
                    + "and are you calling it from a test or lifecycle method?");
        }
        return current;
    }

    public int port() {
        return running().server().port();
    }

    /** The API's base URL, with the stage segment where the API has one ({@code http://127.0.0.1:PORT/dev}). */
    public URI baseUri() {
        return running().server().baseUri();
    }

    /**
     * {@code http://127.0.0.1:PORT/_apigw/} — the dashboard, to open in a browser while a test is stopped at a
     * breakpoint (the fixture's port is a free one, so it changes from run to run).
     */
    public URI dashboardUri() {
        return running().server().dashboardUri();
    }

    /**
     * {@code http://127.0.0.1:PORT} — where apigw's own endpoints are served: the API's port unless
     * {@link #withAdminPort} moved them.
     *
     * @throws IllegalStateException with {@link #withoutAdminEndpoints}
     */
    public URI adminUri() {
        return running().server().adminRootUri().orElseThrow(() -> new IllegalStateException(
                "apigw's admin endpoints are off (withoutAdminEndpoints); remove it or use withAdminPort(0)"));
    }

    /** {@code ws://127.0.0.1:PORT/{stage}} — where WebSocket clients connect (WebSocket APIs). */
    public URI webSocketUri() {
        return running().server().webSocketUri();
    }

    /** The open WebSocket connections, with the frames the gateway sent each (WebSocket APIs; reset per test). */
    public List<OpenConnection> webSocketConnections() {
        return gateway().webSocket().map(ws -> ws.connections().all()).orElse(List.of());
    }

    /** {@code uri("/pets/7")} → the base URL plus the path. */
    public URI uri(String path) {
        return running().server().uri(path);
    }

    /** {@code uri("prod", "/pets/7")} → a served stage's base URL plus the path ({@link #withStages}). */
    public URI uri(String stage, String path) {
        return running().server().uri(stage, path);
    }

    /** A served stage's base URL ({@link #withStages}). */
    public URI baseUri(String stage) {
        return running().server().baseUri(stage);
    }

    /** One {@link HttpClient} per gateway. */
    public HttpClient httpClient() {
        return running().httpClient();
    }

    /**
     * The clock throttles and quotas count with: it stands still until the test moves it, so throttle and quota tests
     * are fast and deterministic ({@code gateway.clock().advance(Duration.ofSeconds(1))}).
     */
    public MutableClock clock() {
        return running().clock();
    }

    /** The running gateway (the main stage's), for what the accessors above do not cover. */
    public Gateway gateway() {
        return running().server().gateway();
    }

    /** A served stage's gateway ({@link #withStages}), e.g. for its {@code invocations} or {@code flushCache}. */
    public Gateway gateway(String stage) {
        return running().server().gateway(stage);
    }

    /**
     * A token from the gateway's local issuer, which its JWT and Cognito authorizers trust: issuer and audience
     * default to the API's authorizer, and times to {@link #clock()}, so advancing the clock expires the token.
     *
     * <pre>{@code
     * String token = gateway.tokens().subject("alice").scopes("read").sign();
     * var request = HttpRequest.newBuilder(gateway.uri("/pets")).header("Authorization", "Bearer " + token).build();
     * }</pre>
     */
    public TokenBuilder tokens() {
        GatewayServer server = running().server();
        return TokenBuilder.of(server.gateway().localIssuer(), server.gateway().api(),
                server.rootUri() + server.gateway().localIssuer().path());
    }

    /** What each call of a function received and returned in this test (or since the gateway started). */
    public List<RecordedInvocation> invocations(String functionName) {
        return gateway().invocations(functionName);
    }

    /**
     * The request journal: the last answered requests (1,000 unless {@code withJournalSize}), newest first with
     * {@code journal().entries()}; cleared between tests like {@link #invocations}. With {@link #withStages}, it holds
     * every stage's requests, each entry naming its stage.
     */
    public Journal journal() {
        return gateway().journal();
    }

    /** Drops every entry of every stage's cache (API Gateway's FlushStageCache, for each stage). */
    public void flushCache() {
        running().server().servedGateways().forEach(Gateway::flushCache);
    }

    /** Replaces a function for the current test only, in every stage served (and their canaries). */
    public void stubFunction(String name, LambdaFunction function) {
        running().server().servedGateways().forEach(gateway -> gateway.stubFunction(name, function));
    }
}
