package dev.apigw.emulator;

import dev.apigw.model.RestApi;
import org.jspecify.annotations.Nullable;

/**
 * One stage's gateways as built: the stage itself, and its canary variant when the stage has a canary.
 *
 * @param canarySettings the stage's canary settings; null exactly when {@code canary} is null
 */
record StageGateways(Gateway main, @Nullable Gateway canary, @Nullable Canary canarySettings) {

    /** Builds the stage and, if it has one, its canary, which shares the stage cache when the canary uses it. */
    static StageGateways create(GatewayConfig config, ServerWide shared) {
        Gateway main = Gateway.create(config, shared);
        Canary settings = config.canary();
        if (settings == null) {
            return new StageGateways(main, null, null);
        }
        try {
            if (!(main.api() instanceof RestApi)) {
                throw new GatewayStartupException(java.util.List.of("the stage '" + main.stage() + "' has a canary, but only REST API"
                        + " stages have canaries on AWS; remove its canary settings"));
            }
            return new StageGateways(main, canaryOf(config, main, shared), settings);
        } catch (RuntimeException | Error e) {
            main.close();
            throw e;
        }
    }

    /** The canary variant of a stage's config, for the given main gateway (whose cache it may share). */
    static Gateway canaryOf(GatewayConfig config, Gateway main, ServerWide shared) {
        Canary settings = config.canary();
        if (settings == null) {
            throw new IllegalStateException("the stage '" + main.stage() + "' has no canary");
        }
        return settings.useStageCache() ? Gateway.create(config.canaryConfig(), shared, main.stageCache())
                : Gateway.create(config.canaryConfig(), shared);
    }

    void close() {
        main.close();
        if (canary != null) {
            canary.close();
        }
    }
}
