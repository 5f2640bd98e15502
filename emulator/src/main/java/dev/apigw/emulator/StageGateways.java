package dev.apigw.emulator;

import java.util.List;
import dev.apigw.model.Api;
import dev.apigw.model.RestApi;
import org.jspecify.annotations.Nullable;

/**
 * One stage's gateways as built: the stage itself, and its canary variant when the stage has a canary.
 *
 * @param canarySettings the stage's canary settings; null exactly when {@code canary} is null
 */
record StageGateways(Gateway main, @Nullable Gateway canary, @Nullable Canary canarySettings) {

    /**
     * Builds the stage and, if it has one, its canary, which shares the stage cache when the canary uses it.
     *
     * @param imported the API another stage already imported from the same document, or null to import it
     */
    static StageGateways create(GatewayConfig config, ServerWide shared, @Nullable Api imported) {
        Gateway main = Gateway.create(config, shared, imported);
        Canary settings = config.canary();
        if (settings == null) {
            return new StageGateways(main, null, null);
        }
        try {
            if (!(main.api() instanceof RestApi)) {
                throw new GatewayStartupException(List.of("the stage '" + main.stage() + "' has a canary, but only"
                        + " REST API stages have canaries on AWS; remove its canary settings"));
            }
            return new StageGateways(main, canaryOf(config, main, shared), settings);
        } catch (RuntimeException | Error e) {
            main.close();
            throw e;
        }
    }

    /**
     * The canary variant of a stage's config, for the given main gateway: it compiles the API the main gateway
     * imported, and may share its cache.
     */
    static Gateway canaryOf(GatewayConfig config, Gateway main, ServerWide shared) {
        Canary settings = config.canary();
        if (settings == null) {
            throw new IllegalStateException("the stage '" + main.stage() + "' has no canary");
        }
        return settings.useStageCache() ? Gateway.create(config.canaryConfig(), shared, main.api(), main.stageCache())
                : Gateway.create(config.canaryConfig(), shared, main.api());
    }

    void close() {
        main.close();
        if (canary != null) {
            canary.close();
        }
    }
}
