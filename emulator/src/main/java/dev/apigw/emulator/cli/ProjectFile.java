package dev.apigw.emulator.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apigw.emulator.AdminEndpoints;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.MinimumCompressionSize;
import dev.apigw.emulator.AccessLogSettings;
import dev.apigw.emulator.cli.ProjectFileSections.AccessLogEntry;
import dev.apigw.emulator.cli.ProjectFileSections.CacheEntry;
import dev.apigw.emulator.cli.ProjectFileSections.CanaryEntry;
import dev.apigw.emulator.cli.ProjectFileSections.LimitsEntry;
import dev.apigw.emulator.cli.ProjectFileSections.StageEntry;
import dev.apigw.emulator.StageOptions;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.model.ApiType;
import dev.apigw.emulator.EnvVarsFile;
import dev.apigw.emulator.FunctionConfig;
import dev.apigw.emulator.FunctionConfigFile;
import dev.apigw.lambda.remote.RemoteLambda;
import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.auth.JwksSource;
import org.jspecify.annotations.Nullable;

/**
 * The project file ({@code apigw.yaml}): the same settings as {@code apigw start}'s flags, so that a directory
 * with one needs no flags. Relative paths resolve against the file's directory.
 *
 * <pre>
 * spec: openapi.yaml
 * apiType: rest            # optional
 * stage: dev               # optional
 * host: 127.0.0.1          # optional
 * port: 3000               # optional
 * stageVariables: {table: pets}
 * classpath: [target/classes]
 * functions:
 *   ListPets: {handler: com.example.ListPets::handleRequest, timeout: 3, memorySize: 128, classpath: [lib/x.jar],
 *              reservedConcurrency: 2, environment: {TABLE: pets}}
 *   Legacy:   {handler: com.example.Legacy::handleRequest, runtime: java17, code: build/legacy.jar}  # out of process
 * apiKeys: [local-key]          # optional
 * usagePlans: usage-plans.yaml  # optional
 * throttle: "100:200"           # optional: RATE:BURST
 * routeThrottles: {"/pets/{id}/GET": "1:2"}    # optional: a method's (REST) or route key's (HTTP) stage throttle
 * accountThrottle: "50000:25000"               # optional: raise AWS's account throttle (10000:5000), e.g. for load tests
 * iamCredentials: ["AKIDLOCAL:secret"]          # optional: keys for AWS_IAM routes
 * jwks: {"*": local}                            # optional: authorizer, issuer or * to local|discover|URL|file
 * issuerKey: .apigw/issuer-key.json             # optional: the local issuer's signing key
 * strict: true                                  # optional: refuse settings apigw does not enforce
 * envVars: env.json                             # optional: SAM's env-vars file
 * remoteFunctions: {Orders: arn:aws:lambda:us-east-1:000000000000:function:Orders}   # optional
 * lambdaEndpoint: http://localhost:4566         # optional, with lambdaRegion and lambdaCredentials (AK:SECRET)
 * adminPrefix: /_local                          # optional: where apigw's own endpoints and dashboard are served
 * admin: false                                  # optional: serve none of apigw's own endpoints
 * adminPort: 9000                               # optional: serve them on their own port
 * shutdownGrace: 10s                            # optional: how long a stop lets requests in flight finish
 * limits: {payload: 1MB, lambdaPayload: 512KB, headerBytes: 4KB, urlLength: 2048, idleTimeout: 5}   # optional
 * minimumCompressionSize: 1024                  # optional: REST response compression (bytes, or off), over the spec's
 * cache: {ttl: 300, methods: {"/pets/{id}/GET": 60}, requireAuthorization: true,
 *         unauthorizedStrategy: SUCCEED_WITH_RESPONSE_HEADER}   # optional: the REST stage cache
 * accessLog: {format: json, file: logs/access.log}   # optional: the access log (standard output without file)
 * journalSize: 100                              # optional: requests the journal keeps (0 = none)
 * observability: false                          # optional: no metrics, journal or dashboard data
 * watch: true                                   # optional: re-import the spec when it changes
 * hotReload: false                              # optional: keep loaded classes when the classpath changes
 * functionConfig: functions.yaml                # optional: per-function timeout, memorySize, reservedConcurrency
 * stages:                                       # optional: several stages at once, in place of stage
 *   dev:  {stageVariables: {table: pets-dev}, cache: {enabled: false}}   # a stage's settings go over the shared ones
 *   prod: {stageVariables: {table: pets}, throttle: "500:1000", routeThrottles: {"/pets/GET": "100:200"},
 *          accessLog: {format: json, file: logs/prod.log},
 *          canary: {percentTraffic: 10, stageVariableOverrides: {table: pets-v2}, useStageCache: false, seed: 42}}
 * canary: {percentTraffic: 10}                  # optional: the canary (with stages:, every stage's without one)
 * </pre>
 */
record ProjectFile(
        @Nullable String spec,
        @Nullable String apiType,
        @Nullable String stage,
        @Nullable String host,
        @Nullable Integer port,
        @Nullable Map<String, String> stageVariables,
        @Nullable List<String> classpath,
        @Nullable Map<String, FunctionEntry> functions,
        @Nullable List<String> apiKeys,
        @Nullable String usagePlans,
        @Nullable String throttle,
        @Nullable Map<String, String> routeThrottles,
        @Nullable String accountThrottle,
        @Nullable List<String> iamCredentials,
        @Nullable Map<String, String> jwks,
        @Nullable String issuerKey,
        @Nullable Boolean strict,
        @Nullable String envVars,
        @Nullable Map<String, String> remoteFunctions,
        @Nullable String lambdaEndpoint,
        @Nullable String lambdaRegion,
        @Nullable String lambdaCredentials,
        @Nullable String adminPrefix,
        @Nullable Boolean admin,
        @Nullable Integer adminPort,
        @Nullable String shutdownGrace,
        @Nullable LimitsEntry limits,
        @Nullable String minimumCompressionSize,
        @Nullable CacheEntry cache,
        @Nullable Map<String, StageEntry> stages,
        @Nullable CanaryEntry canary,
        @Nullable AccessLogEntry accessLog,
        @Nullable Integer journalSize,
        @Nullable Boolean observability,
        @Nullable Boolean watch,
        @Nullable Boolean hotReload,
        @Nullable String functionConfig) {

    static final String DEFAULT_NAME = "apigw.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties(ignoreUnknown = false)
    record FunctionEntry(
            @JsonProperty(required = true) String handler,
            @Nullable List<String> classpath,
            @Nullable Double timeout,
            @Nullable Integer memorySize,
            @Nullable Integer reservedConcurrency,
            @Nullable Map<String, String> environment,
            @Nullable String runtime,
            @Nullable String code) {

        FunctionDefinition toDefinition(Path baseDir) {
            return definition(this, baseDir);
        }
    }

    /** A positive number of seconds, fractions allowed (0.5 = 500 ms). */
    static Duration seconds(double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("the idle timeout must be a number of seconds above 0 (at most a day),"
                    + " was " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    static ProjectFile read(Path file) {
        try {
            String text = Files.readString(file);
            ProjectFile parsed = text.isBlank() ? null : YAML.readValue(text, ProjectFile.class);
            // A blank file (or one holding only comments) is a project with no settings.
            ProjectFile project = parsed != null ? parsed : YAML.readValue("{}", ProjectFile.class);
            project.check(file);
            return project;
        } catch (UnrecognizedPropertyException e) {
            throw new CliException(file + " (line " + e.getLocation().getLineNr() + "): unknown setting '"
                    + e.getPropertyName() + "'", "known settings: " + e.getKnownPropertyIds());
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ")" : "";
            throw new CliException("cannot read project file " + file + where + ": " + firstLine(e.getMessage()),
                    "check that it is YAML as shown in the README (apigw.yaml)");
        }
    }

    /** Empty entries (`functions: {F: }`, `classpath: [ ]`) are mistakes; say which one. */
    private void check(Path file) {
        if (stageVariables != null) {
            stageVariables.forEach((name, value) -> require(value != null, file, "stageVariables." + name,
                    "give it a value, e.g. " + name + ": some-value"));
        }
        if (stages != null) {
            stages.forEach((name, entry) -> {
                if (entry != null && entry.canary() != null) {
                    checkCanary(file, "stages." + name + ".canary", entry.canary());
                }
                if (entry != null && entry.routeThrottles() != null) {
                    entry.routeThrottles().forEach((key, value) -> require(value != null, file, "stages." + name
                            + ".routeThrottles." + key, "give it a throttle, e.g. \"" + key + "\": \"10:20\""));
                }
                if (entry != null && entry.stageVariables() != null) {
                    entry.stageVariables().forEach((variable, value) -> require(value != null, file, "stages." + name
                            + ".stageVariables." + variable, "give it a value, e.g. " + variable + ": some-value"));
                }
            });
        }
        if (canary != null) {
            checkCanary(file, "canary", canary);
        }
        if (classpath != null) {
            classpath.forEach(entry -> require(entry != null, file, "classpath", "remove the empty entry"));
        }
        if (functions != null) {
            functions.forEach((name, entry) -> {
                require(entry != null, file, "functions." + name, "give it a handler, e.g. " + name
                        + ": {handler: com.example.Handler::handleRequest}");
                require(entry.timeout() == null || entry.timeout() > 0, file, "functions." + name + ".timeout",
                        "use a number of seconds above 0 (Lambda allows 1 to 900)");
                require(entry.memorySize() == null || entry.memorySize() > 0, file, "functions." + name
                        + ".memorySize", "use a size in MB above 0 (Lambda allows 128 to 10240)");
            });
        }
    }

    private static void checkCanary(Path file, String setting, CanaryEntry entry) {
        require(entry.percentTraffic() >= 0 && entry.percentTraffic() <= 100, file, setting + ".percentTraffic",
                "use a percentage from 0.0 to 100.0, as AWS's canarySettings do");
        if (entry.stageVariableOverrides() != null) {
            entry.stageVariableOverrides().forEach((name, value) -> require(value != null, file, setting
                    + ".stageVariableOverrides." + name, "give it a value, e.g. " + name + ": some-value"));
        }
    }

    private static void require(boolean ok, Path file, String setting, String hint) {
        if (!ok) {
            throw new CliException(file + ": setting '" + setting + "' is empty or invalid", hint);
        }
    }

    /** Applies the file's settings to a builder; flags applied afterwards override them. */
    void applyTo(GatewayConfig.Builder builder, Path baseDir) {
        if (spec != null) {
            builder.spec(baseDir.resolve(spec));
        }
        if (apiType != null) {
            builder.apiType(ApiType.fromSpec(apiType));
        }
        if (stage != null) {
            builder.stage(stage);
        }
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(port);
        }
        if (stageVariables != null) {
            stageVariables.forEach(builder::stageVariable);
        }
        if (classpath != null) {
            classpath.forEach(entry -> builder.classpath(baseDir.resolve(entry)));
        }
        if (functions != null) {
            functions.forEach((name, entry) -> builder.function(name, entry.toDefinition(baseDir)));
        }
        if (apiKeys != null) {
            apiKeys.forEach(builder::apiKey);
        }
        if (usagePlans != null) {
            builder.usagePlans(baseDir.resolve(usagePlans));
        }
        if (throttle != null) {
            builder.throttle(StageThrottle.parse(throttle));
        }
        if (routeThrottles != null) {
            routeThrottles.forEach((key, value) -> builder.routeThrottle(key, StageThrottle.parse(value)));
        }
        if (accountThrottle != null) {
            builder.accountThrottle(StageThrottle.parse(accountThrottle));
        }
        if (iamCredentials != null) {
            iamCredentials.forEach(credential -> builder.iamCredential(IamCredential.parse(credential)));
        }
        if (jwks != null) {
            jwks.forEach((name, source) -> builder.jwks(name, localSource(JwksSource.parse(source), baseDir)));
        }
        if (issuerKey != null) {
            builder.issuerKey(baseDir.resolve(issuerKey));
        }
        if (strict != null) {
            builder.strict(strict);
        }
        if (adminPrefix != null) {
            builder.adminPrefix(adminPrefix);
        }
        if (Boolean.FALSE.equals(admin) && adminPort != null) {
            throw new CliException("the project file sets both admin: false and adminPort",
                    "remove one: admin: false turns the endpoints off, adminPort moves them");
        }
        if (Boolean.FALSE.equals(admin)) {
            builder.adminEndpoints(AdminEndpoints.off());
        }
        if (adminPort != null) {
            builder.adminEndpoints(AdminEndpoints.onPort(adminPort));
        }
        if (shutdownGrace != null) {
            builder.shutdownGrace(GraceDuration.parse(shutdownGrace));
        }
        if (limits != null) {
            builder.requestLimits(limits::applyTo);
        }
        if (minimumCompressionSize != null) {
            builder.minimumCompressionSize(MinimumCompressionSize.parse(minimumCompressionSize));
        }
        if (cache != null) {
            builder.stageCache(cache::applyTo);
        }
        if (canary != null) {
            builder.canary(canary.toCanary());
        }
        if (journalSize != null) {
            builder.journalSize(journalSize);
        }
        if (observability != null) {
            builder.observability(observability);
        }
        if (watch != null) {
            builder.watchSpec(watch);
        }
        if (hotReload != null) {
            builder.hotReload(hotReload);
        }
        if (accessLog != null) {
            AccessLogSettings settings = accessLog.toSettings(baseDir);
            builder.accessLog(settings.format(), settings.file());
        }
        if (stages != null) {
            // After the shared cache: and accessLog:, which a stage's own go over (a format or file it leaves out is
            // the shared one, as with the flags).
            stages.forEach((name, entry) -> {
                builder.addStage(name, entry == null ? StageOptions.NONE : entry.toOptions(baseDir));
                if (entry != null && entry.cache() != null) {
                    builder.stageCache(name, entry.cache()::applyTo);
                }
                if (entry != null && entry.accessLog() != null) {
                    builder.accessLog(name, entry.accessLog().format(), entry.accessLog().file(baseDir));
                }
            });
        }
        if (envVars != null) {
            EnvVarsFile.applyTo(baseDir.resolve(envVars), builder);
        }
        Map<String, FunctionConfig> configs = new LinkedHashMap<>(functionConfig == null ? Map.of()
                : FunctionConfigFile.read(baseDir.resolve(functionConfig)));
        if (functions != null) {
            functions.forEach((name, entry) -> {
                if (entry.environment() != null) {
                    entry.environment().forEach((key, value) -> builder.functionEnvironment(name, key, value));
                }
                Integer reserved = entry.reservedConcurrency();
                if (reserved != null) {
                    // A function's own reservedConcurrency goes over the functionConfig file's, which keeps the rest.
                    FunctionConfig file = configs.getOrDefault(name, FunctionConfig.NONE);
                    configs.put(name, new FunctionConfig(file.timeout(), file.memorySizeMb(), reserved));
                }
            });
        }
        configs.forEach(builder::functionConfig);
        if (remoteFunctions != null) {
            remoteFunctions.forEach((name, arn) -> builder.function(name, new FunctionDefinition.Remote(
                    arn == null || arn.isBlank() ? name : arn)));
        }
        if (lambdaEndpoint != null || lambdaRegion != null || lambdaCredentials != null) {
            builder.remoteLambda(RemoteLambda.of(lambdaEndpoint == null ? null : URI.create(lambdaEndpoint),
                    lambdaRegion, lambdaCredentials));
        }
    }

    /** A JWKS file named in the project file is relative to it. */
    private static JwksSource localSource(JwksSource source, Path baseDir) {
        return source instanceof JwksSource.File file ? new JwksSource.File(baseDir.resolve(file.path())) : source;
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static FunctionDefinition definition(FunctionEntry entry, Path baseDir) {
        Duration timeout = entry.timeout() == null ? null : Duration.ofMillis(Math.round(entry.timeout() * 1000));
        if (entry.runtime() != null) {
            if (entry.code() == null) {
                throw new IllegalArgumentException("a function with a runtime needs code: the jar or directory with"
                        + " its code");
            }
            return new FunctionDefinition.OutOfProcess(entry.handler(), entry.runtime(), baseDir.resolve(entry.code()),
                    timeout, entry.memorySize());
        }
        List<Path> classpath = new ArrayList<>();
        if (entry.classpath() != null) {
            entry.classpath().forEach(c -> classpath.add(baseDir.resolve(c)));
        }
        return new FunctionDefinition.HandlerClass(entry.handler(), classpath, timeout, entry.memorySize());
    }
}
