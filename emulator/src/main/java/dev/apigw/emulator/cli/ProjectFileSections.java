package dev.apigw.emulator.cli;

import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.apigw.emulator.AccessLogSettings;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.StageOptions;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import org.jspecify.annotations.Nullable;

/** The project file's settings that are maps of their own ({@code stages:}, {@code cache:}, {@code limits:}, ...). */
final class ProjectFileSections {
    private ProjectFileSections() {}

    /**
     * One entry under {@code stages:}: what the stage sets over the shared settings. An empty entry ({@code prod:}) is
     * a stage with the shared settings only.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record StageEntry(
            @Nullable Map<String, String> stageVariables,
            @Nullable CanaryEntry canary,
            @Nullable String throttle,
            @Nullable Map<String, String> routeThrottles,
            @Nullable CacheEntry cache,
            @Nullable AccessLogEntry accessLog) {

        /**
         * The stage's options but its cache and access log, which go over the shared settings given before them
         * (see {@link ProjectFile#applyTo}).
         */
        StageOptions toOptions(Path baseDir) {
            StageOptions options = new StageOptions(stageVariables == null ? Map.of() : stageVariables)
                    .withCanary(canary == null ? null : canary.toCanary())
                    .withThrottle(throttle == null ? null : StageThrottle.parse(throttle));
            if (routeThrottles != null) {
                for (Map.Entry<String, String> route : routeThrottles.entrySet()) {
                    options = options.withRouteThrottle(route.getKey(), StageThrottle.parse(route.getValue()));
                }
            }
            return options;
        }
    }

    /**
     * {@code accessLog:}: the access log's format (a preset or a format string) and its file (standard output if
     * none).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record AccessLogEntry(@Nullable String format, @Nullable String file) {
        AccessLogSettings toSettings(Path baseDir) {
            return new AccessLogSettings(format == null ? "clf" : format, file(baseDir));
        }

        @Nullable Path file(Path baseDir) {
            return file == null ? null : baseDir.resolve(file);
        }
    }

    /** A stage's {@code canary:}, AWS's canarySettings plus apigw's {@code seed}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record CanaryEntry(
            @JsonProperty(required = true) Double percentTraffic,
            @Nullable Map<String, String> stageVariableOverrides,
            @Nullable Boolean useStageCache,
            @Nullable Long seed) {
        Canary toCanary() {
            return new Canary(percentTraffic, stageVariableOverrides == null ? Map.of() : stageVariableOverrides,
                    Boolean.TRUE.equals(useStageCache), seed);
        }
    }

    /**
     * {@code cache:}: the REST stage cache; {@code enabled: true} caches GET methods for 300 s unless {@code ttl}
     * says otherwise, {@code enabled: false} caches nothing, {@code ttl} for GET methods (0 = GET not cached),
     * {@code methods} per method keyed {@code /pets/{id}/GET}, and who may invalidate with
     * {@code Cache-Control: max-age=0}.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record CacheEntry(
            @Nullable Boolean enabled,
            @Nullable Integer ttl,
            @Nullable Map<String, Integer> methods,
            @Nullable Boolean requireAuthorization,
            @Nullable String unauthorizedStrategy) {

        StageCacheSettings applyTo(StageCacheSettings settings) {
            if (Boolean.FALSE.equals(enabled)) {
                // As a stage whose cache cluster is disabled: method TTLs, shared or not, cache nothing either.
                return settings.withoutCaching();
            }
            StageCacheSettings out = ttl != null ? settings.withTtl(ttl)
                    // Enabling a stage's cache caches GET methods for AWS's default TTL unless a TTL is given.
                    : Boolean.TRUE.equals(enabled) && settings.ttlSeconds() == 0
                            ? settings.withTtl(StageCacheSettings.DEFAULT_TTL_SECONDS) : settings;
            if (methods != null) {
                for (Map.Entry<String, Integer> method : methods.entrySet()) {
                    out = out.withMethod(method.getKey(), method.getValue());
                }
            }
            return out.withInvalidation(
                    requireAuthorization != null ? requireAuthorization : out.requireAuthorizationForCacheControl(),
                    unauthorizedStrategy != null ? UnauthorizedCacheControlHeaderStrategy.parse(unauthorizedStrategy)
                            : out.unauthorizedStrategy());
        }
    }

    /**
     * {@code limits:}: AWS's request limits, lowered or raised; sizes as {@code 10485760}, {@code 512KB} or
     * {@code 6MB}.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record LimitsEntry(
            @Nullable String payload,
            @Nullable String lambdaPayload,
            @Nullable String headerBytes,
            @Nullable String urlLength,
            @Nullable Double idleTimeout) {

        RequestLimits applyTo(RequestLimits limits) {
            RequestLimits out = limits;
            if (payload != null) {
                out = out.withPayloadBytes(ByteSize.parse(payload));
            }
            if (lambdaPayload != null) {
                out = out.withLambdaPayloadBytes(ByteSize.parse(lambdaPayload));
            }
            if (headerBytes != null) {
                out = out.withHeaderBytes(ByteSize.parse(headerBytes));
            }
            if (urlLength != null) {
                out = out.withUrlChars(ByteSize.parse(urlLength));
            }
            if (idleTimeout != null) {
                out = out.withIdleTimeout(ProjectFile.seconds(idleTimeout));
            }
            return out;
        }
    }
}
