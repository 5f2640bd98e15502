package dev.apigw.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A REST stage's canary, as AWS's {@code canarySettings}: a share of the stage's requests is served by a canary
 * variant of the stage with some stage variables overridden or added.
 *
 * @param percentTraffic the percentage (0.0 to 100.0) of requests routed to the canary
 * @param stageVariableOverrides stage variables the canary overrides or adds
 * @param useStageCache whether canary requests use the stage cache (AWS's default: no)
 * @param seed apigw only: seeds the split so that a run of requests is split the same way every time; null = random
 */
public record Canary(double percentTraffic, Map<String, String> stageVariableOverrides, boolean useStageCache,
        @Nullable Long seed) {

    public Canary {
        if (!(percentTraffic >= 0.0 && percentTraffic <= 100.0)) {
            throw new IllegalArgumentException("a canary's percentTraffic must be 0.0 to 100.0, was " + percentTraffic);
        }
        stageVariableOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageVariableOverrides));
    }

    /** A canary taking this percentage of requests, with no overrides, off the stage cache, unseeded. */
    public static Canary of(double percentTraffic) {
        return new Canary(percentTraffic, Map.of(), false, null);
    }

    public Canary withOverride(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(stageVariableOverrides);
        more.put(name, value);
        return new Canary(percentTraffic, more, useStageCache, seed);
    }

    public Canary withStageCache(boolean use) {
        return new Canary(percentTraffic, stageVariableOverrides, use, seed);
    }

    public Canary withSeed(@Nullable Long newSeed) {
        return new Canary(percentTraffic, stageVariableOverrides, useStageCache, newSeed);
    }
}
