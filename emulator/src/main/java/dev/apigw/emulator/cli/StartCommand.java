package dev.apigw.emulator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import dev.apigw.emulator.AdminEndpoints;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.MinimumCompressionSize;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.auth.JwksSource;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apigw start}: serves the API until interrupted (SIGINT / SIGTERM close it cleanly). */
@Command(name = "start", description = "Serve an API locally.", mixinStandardHelpOptions = true)
final class StartCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Mixin
    FunctionOptions functionOptions = new FunctionOptions();

    @Option(names = "--host", paramLabel = "HOST", description = "default 127.0.0.1")
    @Nullable String host;

    @Option(names = "--port", paramLabel = "N", description = "default 3000; 0 picks a free port")
    @Nullable Integer port;

    @Mixin
    StageFlags stageFlags = new StageFlags();

    @Option(names = "--api-key", paramLabel = "VALUE",
            description = "repeatable; accepted on apiKeyRequired methods (a usage plan without limits)")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--usage-plans", paramLabel = "FILE", description = "usage plans: throttles, quotas, keys (YAML)")
    @Nullable Path usagePlans;

    @Option(names = "--account-throttle", paramLabel = "RATE:BURST",
            description = "the account throttle over all requests; AWS's default 10000:5000, raise it for load tests")
    @Nullable String accountThrottle;

    @Option(names = "--max-payload", paramLabel = "SIZE",
            description = "largest request body, e.g. 1MB; default AWS's 10MB (413 over it)")
    @Nullable String maxPayload;

    @Option(names = "--max-lambda-payload", paramLabel = "SIZE",
            description = "largest Lambda proxy event, e.g. 512KB; default Lambda's 6MB (413 over it)")
    @Nullable String maxLambdaPayload;

    @Option(names = "--max-header-bytes", paramLabel = "SIZE",
            description = "most bytes of header values; default AWS's 10240 (431 over it)")
    @Nullable String maxHeaderBytes;

    @Option(names = "--max-url-length", paramLabel = "N",
            description = "longest REST API URL in characters; default AWS's 10240 (414 over it)")
    @Nullable String maxUrlLength;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "close a connection silent this long; default 30")
    @Nullable Double idleTimeout;

    @Option(names = "--no-hot-reload", negatable = false,
            description = "keep the loaded classes when a --classpath directory or jar changes")
    boolean noHotReload;

    @Option(names = "--journal-size", paramLabel = "N",
            description = "requests kept in the request journal (GET /_apigw/journal); 0 turns it off"
                    + " (default: " + GatewayConfig.DEFAULT_JOURNAL_SIZE + ")")
    @Nullable Integer journalSize;

    @Option(names = "--admin-prefix", paramLabel = "PATH",
            description = "where apigw serves its own endpoints and dashboard (default: /_apigw)")
    @Nullable String adminPrefix;

    @Option(names = "--no-admin",
            description = "serve none of apigw's own endpoints (dashboard, metrics, health, journal, issuer, Lambda"
                    + " Invoke API); the API's routes and @connections stay")
    boolean noAdmin;

    @Option(names = "--admin-port", paramLabel = "N",
            description = "serve apigw's own endpoints on this port instead of the API's; 0 picks a free port")
    @Nullable Integer adminPort;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION",
            description = "how long a stop (Ctrl-C, SIGTERM) lets requests in flight finish, e.g. 10s or 500ms;"
                    + " default 5s")
    @Nullable String shutdownGrace;

    @Option(names = "--minimum-compression-size", paramLabel = "BYTES",
            description = "REST APIs: compress responses of at least BYTES (0 to 10485760) for clients that accept"
                    + " gzip or deflate, or off; overrides x-amazon-apigateway-minimum-compression-size")
    @Nullable String minimumCompressionSize;

    @Option(names = "--no-observability",
            description = "turn metrics, the request journal and the dashboard's data off (to measure their cost)")
    boolean noObservability;

    @Option(names = "--watch", description = "also re-import the spec when it changes")
    boolean watch;

    @Option(names = "--iam-credentials", paramLabel = "ACCESS_KEY:SECRET",
            description = "repeatable; keys accepted on AWS_IAM routes (SigV4); ACCESS_KEY:SECRET:USER names the user")
    List<String> iamCredentials = new ArrayList<>();

    @Option(names = "--jwks", paramLabel = "NAME=SOURCE",
            description = "repeatable; keys for a JWT/Cognito authorizer (NAME: authorizer, issuer or *): local,"
                    + " discover, a JWKS URL or a JWKS file; default local")
    Map<String, String> jwks = new LinkedHashMap<>();

    @Option(names = "--issuer-key", paramLabel = "FILE",
            description = "the local issuer's signing key (created when missing); default ~/.apigw/issuer-key.json")
    @Nullable Path issuerKey;

    @Option(names = "--strict", description = "refuse to start when the spec uses a setting apigw does not enforce")
    boolean strict;

    @Spec
    CommandSpec spec;

    private final CountDownLatch shutdown;
    private final Consumer<Duration> graceListener;

    StartCommand(CountDownLatch shutdown, Consumer<Duration> graceListener) {
        this.shutdown = shutdown;
        this.graceListener = graceListener;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Hot reload is the CLI's default (the project file's hotReload: or --no-hot-reload turn it off).
        GatewayConfig.Builder defaults = GatewayConfig.builder().hotReload(true);
        GatewayConfig config = specOptions.build(applyFlags(specOptions.toBuilder(defaults)));
        if (config.issuerKey() == null) {
            // The key `apigw token` signs with by default, so its tokens pass this gateway's JWT/Cognito authorizers.
            config = config.toBuilder().issuerKey(LocalIssuer.DEFAULT_KEY_FILE).build();
        }
        PrintWriter out = spec.commandLine().getOut();
        graceListener.accept(config.shutdownGrace());
        try (GatewayServer server = GatewayServer.start(config)) {
            for (String stage : server.stages()) {
                RouteListing.print(out, server.gateway(stage).routes(), server.rootUri().toString());
            }
            server.adminRootUri().ifPresentOrElse(admin -> {
                out.println("apigw token issuer " + admin + server.gateway().localIssuer().path());
                out.println("apigw dashboard " + server.dashboardUri());
            }, () -> out.println("apigw admin endpoints off (--no-admin)"));
            out.println("apigw listening on " + server.rootUri());
            out.flush();
            shutdown.await();
            out.println("apigw stopping: no new connections; requests in flight get up to "
                    + config.shutdownGrace().toMillis() + " ms");
            out.flush();
        }
        out.println("apigw stopped");
        return Main.EXIT_OK;
    }

    private GatewayConfig.Builder applyFlags(GatewayConfig.Builder builder) {
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(FunctionOptions.port(spec, port));
        }
        apiKeys.forEach(builder::apiKey);
        if (usagePlans != null) {
            builder.usagePlans(usagePlans);
        }
        if (accountThrottle != null) {
            builder.accountThrottle(FunctionOptions.parse(spec, "--account-throttle",
                    () -> StageThrottle.parse(accountThrottle)));
        }
        applyLimits(builder);
        stageFlags.applyTo(builder, spec);
        for (String credential : iamCredentials) {
            builder.iamCredential(FunctionOptions.parse(spec, "--iam-credentials",
                    () -> IamCredential.parse(credential)));
        }
        jwks.forEach((name, source) -> builder.jwks(name,
                FunctionOptions.parse(spec, "--jwks " + name, () -> JwksSource.parse(source))));
        if (issuerKey != null) {
            builder.issuerKey(issuerKey);
        }
        if (strict) {
            builder.strict(true);
        }
        functionOptions.applyTo(builder, spec);
        if (journalSize != null) {
            builder.journalSize(journalSize);
        }
        if (adminPrefix != null) {
            builder.adminPrefix(adminPrefix);
        }
        if (noObservability) {
            builder.observability(false);
        }
        if (noAdmin && adminPort != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--no-admin and --admin-port contradict"
                    + " each other; pass one of them");
        }
        if (noAdmin) {
            builder.adminEndpoints(AdminEndpoints.off());
        }
        if (adminPort != null) {
            builder.adminEndpoints(FunctionOptions.parse(spec, "--admin-port", () -> AdminEndpoints.onPort(adminPort)));
        }
        if (shutdownGrace != null) {
            builder.shutdownGrace(FunctionOptions.parse(spec, "--shutdown-grace",
                    () -> GraceDuration.parse(shutdownGrace)));
        }
        if (minimumCompressionSize != null) {
            builder.minimumCompressionSize(FunctionOptions.parse(spec, "--minimum-compression-size",
                    () -> MinimumCompressionSize.parse(minimumCompressionSize)));
        }
        if (noHotReload) {
            builder.hotReload(false);
        }
        if (watch) {
            builder.watchSpec(true);
        }
        return builder;
    }

    private void applyLimits(GatewayConfig.Builder builder) {
        if (maxPayload != null) {
            int bytes = FunctionOptions.parse(spec, "--max-payload", () -> ByteSize.parse(maxPayload));
            builder.requestLimits(limits -> limits.withPayloadBytes(bytes));
        }
        if (maxLambdaPayload != null) {
            int bytes = FunctionOptions.parse(spec, "--max-lambda-payload", () -> ByteSize.parse(maxLambdaPayload));
            builder.requestLimits(limits -> limits.withLambdaPayloadBytes(bytes));
        }
        if (maxHeaderBytes != null) {
            int bytes = FunctionOptions.parse(spec, "--max-header-bytes", () -> ByteSize.parse(maxHeaderBytes));
            builder.requestLimits(limits -> limits.withHeaderBytes(bytes));
        }
        if (maxUrlLength != null) {
            int chars = FunctionOptions.parse(spec, "--max-url-length", () -> ByteSize.parse(maxUrlLength));
            builder.requestLimits(limits -> limits.withUrlChars(chars));
        }
        if (idleTimeout != null) {
            Duration timeout = FunctionOptions.parse(spec, "--idle-timeout", () -> ProjectFile.seconds(idleTimeout));
            builder.requestLimits(limits -> limits.withIdleTimeout(timeout));
        }
    }
}
