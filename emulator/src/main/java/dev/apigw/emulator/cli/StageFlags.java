package dev.apigw.emulator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code apigw start}'s stage settings: the stages served, and what each sets — variables, canary, throttles, cache,
 * access log. A value written {@code STAGE:VALUE}, where STAGE is one of the {@code --stage} names, is that stage's
 * own; any other value is shared by every stage.
 */
final class StageFlags {
    @Option(names = "--stage", paramLabel = "NAME",
            description = "REST default \"dev\"; HTTP default \"$default\"; repeatable to serve several stages")
    List<String> stages = new ArrayList<>();

    @Option(names = "--stage-variable", paramLabel = "[STAGE:]NAME=VALUE",
            description = "repeatable; STAGE: sets it for one of several --stage only")
    Map<String, String> stageVariables = new LinkedHashMap<>();

    @Option(names = "--canary", paramLabel = "[STAGE:]PERCENT",
            description = "repeatable per stage; a REST stage's canary takes this percent of requests (0 to 100)")
    List<String> canaries = new ArrayList<>();

    @Option(names = "--canary-variable", paramLabel = "[STAGE:]NAME=VALUE",
            description = "repeatable; a stage variable the canary overrides or adds")
    Map<String, String> canaryVariables = new LinkedHashMap<>();

    @Option(names = "--canary-stage-cache", description = "canary requests use the stage cache (AWS's default: not)")
    boolean canaryStageCache;

    @Option(names = "--canary-seed", paramLabel = "N", description = "split requests the same way on every run")
    @Nullable Long canarySeed;

    @Option(names = "--throttle", paramLabel = "[STAGE:]RATE:BURST",
            description = "the stage's default throttle, e.g. 100:200; repeatable per stage, e.g. prod:500:1000")
    List<String> throttles = new ArrayList<>();

    @Option(names = "--route-throttle", paramLabel = "[STAGE:]KEY=RATE:BURST",
            description = "repeatable; a method's stage throttle: /pets/{id}/GET (REST) or 'GET /pets/{id}' (HTTP)")
    Map<String, String> routeThrottles = new LinkedHashMap<>();

    @Option(names = "--cache-ttl", paramLabel = "[STAGE:]SECONDS|on|off",
            description = "turn the REST stage cache on for GET methods with this TTL (at most 3600; on = AWS's 300;"
                    + " 0 = GET not cached; off = nothing cached, method TTLs included)")
    List<String> cacheTtls = new ArrayList<>();

    @Option(names = "--method-cache", paramLabel = "[STAGE:]KEY=SECONDS",
            description = "repeatable; a REST method's cache TTL over the stage's, e.g. /pets/GET=60 (0 = not cached)")
    Map<String, String> methodCaches = new LinkedHashMap<>();

    @Option(names = "--cache-require-authorization", paramLabel = "[STAGE:]true|false",
            description = "whether Cache-Control: max-age=0 needs an IAM-authorized caller (default true)")
    List<String> cacheRequireAuthorization = new ArrayList<>();

    @Option(names = "--cache-unauthorized", paramLabel = "[STAGE:]STRATEGY",
            description = "FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER (default) or SUCCEED_WITHOUT_RESPONSE_HEADER")
    List<String> cacheUnauthorized = new ArrayList<>();

    @Option(names = "--access-log-format", paramLabel = "[STAGE:]FORMAT",
            description = "API Gateway access logs: clf, json, xml, csv, or a format string of $context variables")
    List<String> accessLogFormats = new ArrayList<>();

    @Option(names = "--access-log", paramLabel = "[STAGE:]FILE",
            description = "write the access log here (appended) instead of standard output")
    List<String> accessLogFiles = new ArrayList<>();

    /** A flag's value, for every stage ({@code stage} null) or for one. */
    private record Scoped(@Nullable String stage, String value) {}

    /** Applies the flags: shared values first, so that a stage's own cache starts from the shared settings. */
    void applyTo(GatewayConfig.Builder builder, CommandSpec spec) {
        if (stages.size() == 1) {
            builder.stage(stages.get(0));
        } else {
            stages.forEach(builder::addStage);
        }
        stageVariables.forEach((key, value) -> stageVariable(builder, spec, key, value));
        applyCanaries(builder, spec);
        for (Scoped throttle : scoped(throttles)) {
            StageThrottle parsed = FunctionOptions.parse(spec, "--throttle", () -> StageThrottle.parse(throttle.value()));
            if (throttle.stage() == null) {
                builder.throttle(parsed);
            } else {
                builder.throttle(throttle.stage(), parsed);
            }
        }
        routeThrottles.forEach((key, value) -> {
            Scoped route = scoped(key);
            StageThrottle parsed = FunctionOptions.parse(spec, "--route-throttle " + key,
                    () -> StageThrottle.parse(value));
            if (route.stage() == null) {
                builder.routeThrottle(route.value(), parsed);
            } else {
                builder.routeThrottle(route.stage(), route.value(), parsed);
            }
        });
        applyCache(builder, spec, null);
        for (String stage : stages) {
            applyCache(builder, spec, stage);
        }
        applyAccessLog(builder, null);
        for (String stage : stages) {
            applyAccessLog(builder, stage);
        }
    }

    /** The cache flags of one stage (or the shared ones, {@code stage} null). */
    private void applyCache(GatewayConfig.Builder builder, CommandSpec spec, @Nullable String stage) {
        java.util.function.Consumer<java.util.function.UnaryOperator<StageCacheSettings>> change =
                stage == null ? builder::stageCache : operator -> builder.stageCache(stage, operator);
        for (Scoped ttl : scopedTo(cacheTtls, stage)) {
            FunctionOptions.parse(spec, "--cache-ttl", () -> {
                if (ttl.value().trim().equals("off")) {
                    change.accept(StageCacheSettings::withoutCaching);
                    return null;
                }
                if (ttl.value().trim().equals("on")) {
                    change.accept(cache -> cache.withTtl(StageCacheSettings.DEFAULT_TTL_SECONDS));
                    return null;
                }
                int seconds = integer(ttl.value(), "a number of seconds, on (300) or off, e.g. --cache-ttl 300");
                change.accept(cache -> cache.withTtl(seconds));
                return null;
            });
        }
        methodCaches.forEach((key, ttl) -> {
            Scoped method = scoped(key);
            if (java.util.Objects.equals(method.stage(), stage)) {
                FunctionOptions.parse(spec, "--method-cache " + key, () -> {
                    int seconds = integer(ttl, "a number of seconds, e.g. --method-cache /pets/GET=60");
                    change.accept(cache -> cache.withMethod(method.value(), seconds));
                    return null;
                });
            }
        });
        for (Scoped required : scopedTo(cacheRequireAuthorization, stage)) {
            FunctionOptions.parse(spec, "--cache-require-authorization", () -> {
                boolean require = bool(required.value());
                change.accept(cache -> cache.withInvalidation(require, cache.unauthorizedStrategy()));
                return null;
            });
        }
        for (Scoped strategy : scopedTo(cacheUnauthorized, stage)) {
            FunctionOptions.parse(spec, "--cache-unauthorized", () -> {
                UnauthorizedCacheControlHeaderStrategy parsed = UnauthorizedCacheControlHeaderStrategy.parse(strategy.value());
                change.accept(cache -> cache.withInvalidation(cache.requireAuthorizationForCacheControl(), parsed));
                return null;
            });
        }
    }

    /** The access log of one stage (or the shared one): the last format and file given for it. */
    private void applyAccessLog(GatewayConfig.Builder builder, @Nullable String stage) {
        List<Scoped> formats = scopedTo(accessLogFormats, stage);
        List<Scoped> files = scopedTo(accessLogFiles, stage);
        if (formats.isEmpty() && files.isEmpty()) {
            return;
        }
        String format = formats.isEmpty() ? null : formats.get(formats.size() - 1).value();
        Path file = files.isEmpty() ? null : Path.of(files.get(files.size() - 1).value());
        if (stage == null) {
            builder.accessLog(format == null ? "clf" : format, file);
        } else {
            builder.accessLog(stage, format, file);
        }
    }

    /** {@code NAME=VALUE} for every stage, {@code STAGE:NAME=VALUE} for one (AWS's variable names have no ':'). */
    private void stageVariable(GatewayConfig.Builder builder, CommandSpec spec, String key, String value) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            builder.stageVariable(key, value);
            return;
        }
        String stage = servedStage(spec, "--stage-variable " + key + "=" + value, key.substring(0, colon));
        builder.stageVariable(stage, key.substring(colon + 1), value);
    }

    /** The canary flags: {@code --canary [STAGE:]PERCENT}, then its variables, seed and stage cache use. */
    private void applyCanaries(GatewayConfig.Builder builder, CommandSpec spec) {
        Map<String, Canary> byStage = new LinkedHashMap<>();
        for (String value : canaries) {
            int colon = value.indexOf(':');
            String stage = colon < 0 ? "" : servedStage(spec, "--canary " + value, value.substring(0, colon));
            double percent = FunctionOptions.parse(spec, "--canary " + value, () -> {
                try {
                    return Double.parseDouble(value.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value.substring(colon + 1) + "' is not a percentage;"
                            + " use a number from 0 to 100, e.g. --canary 10", e);
                }
            });
            byStage.put(stage, FunctionOptions.parse(spec, "--canary " + value, () -> Canary.of(percent)
                    .withStageCache(canaryStageCache).withSeed(canarySeed)));
        }
        canaryVariables.forEach((key, value) -> {
            int colon = key.indexOf(':');
            String stage = colon < 0 ? "" : key.substring(0, colon);
            Canary canary = byStage.get(stage);
            if (canary == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--canary-variable " + key + "=" + value
                        + ": " + (stage.isEmpty() ? "no --canary is given" : "the stage '" + stage + "' has no canary")
                        + "; add --canary " + (stage.isEmpty() ? "" : stage + ":") + "PERCENT");
            }
            byStage.put(stage, canary.withOverride(key.substring(colon + 1), value));
        });
        byStage.forEach((stage, canary) -> {
            if (stage.isEmpty()) {
                builder.canary(canary);
            } else {
                builder.canary(stage, canary);
            }
        });
    }

    private String servedStage(CommandSpec spec, String flag, String stage) {
        if (!stages.contains(stage)) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + ": the stage '" + stage
                    + "' is not served; add --stage " + stage + " (and --stage for each other stage to serve)");
        }
        return stage;
    }

    /** The value's stage when the text before its first ':' is a {@code --stage} name; otherwise shared. */
    private Scoped scoped(String text) {
        int colon = text.indexOf(':');
        if (colon > 0 && stages.contains(text.substring(0, colon))) {
            return new Scoped(text.substring(0, colon), text.substring(colon + 1));
        }
        return new Scoped(null, text);
    }

    private List<Scoped> scoped(List<String> values) {
        return values.stream().map(this::scoped).toList();
    }

    private List<Scoped> scopedTo(List<String> values, @Nullable String stage) {
        return scoped(values).stream().filter(value -> java.util.Objects.equals(value.stage(), stage)).toList();
    }

    private static int integer(String text, String hint) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + hint, e);
        }
    }

    private static boolean bool(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is neither true nor false");
        };
    }
}
