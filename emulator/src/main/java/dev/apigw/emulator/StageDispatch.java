package dev.apigw.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.reload.Generations;
import dev.apigw.emulator.server.ServedStages;
import org.jspecify.annotations.Nullable;

/**
 * The stages one server serves, each its own {@link Gateway} (a gateway is built for one stage; a second costs
 * milliseconds), picked per request by the path's first segment as on AWS, where the stage is that segment. An HTTP
 * API's {@code $default} stage has no segment, so it takes every path no named stage claims; any other unclaimed path
 * goes to the main stage, whose route table answers it with the usual "not found" error. A stage with a canary has
 * a second gateway, its canary variant, and a {@link CanarySplit} choosing between the two.
 */
final class StageDispatch implements ServedStages, AutoCloseable {
    /** A stage's gateway, and its canary variant with the split that chooses it. */
    record Stage(Generations<GatewayServer.Served> main, @Nullable Generations<GatewayServer.Served> canary,
            @Nullable CanarySplit split) {
        Generations<GatewayServer.Served> pick(@Nullable String forced) {
            return canary != null && split != null && split.toCanary(forced) ? canary : main;
        }
    }

    private final Map<String, Stage> byName = new LinkedHashMap<>();
    private final Stage main;
    private final Stage unclaimed;

    StageDispatch(Map<String, Stage> stages) {
        byName.putAll(stages);
        main = byName.values().iterator().next();
        unclaimed = byName.getOrDefault(GatewayConfig.DEFAULT_HTTP_STAGE, main);
    }

    Generations<GatewayServer.Served> main() {
        return main.main();
    }

    @Override
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The gateway that serves a request: the stage its path's first segment names (else as the class comment says),
     * then that stage's canary or main variant.
     *
     * @param canaryHeader the request's {@value CanarySplit#HEADER} header, or null
     */
    Generations<GatewayServer.Served> forRequest(String rawPath, @Nullable String canaryHeader) {
        return stageOf(rawPath).pick(canaryHeader);
    }

    private Stage stageOf(String rawPath) {
        if (byName.size() == 1) {
            return main;
        }
        int start = rawPath.startsWith("/") ? 1 : 0;
        int end = rawPath.indexOf('/', start);
        String first = rawPath.substring(start, end < 0 ? rawPath.length() : end);
        Stage named = byName.get(first);
        return named != null && !first.equals(GatewayConfig.DEFAULT_HTTP_STAGE) ? named : unclaimed;
    }

    Stage stage(String name) {
        Stage stage = byName.get(name);
        if (stage == null) {
            throw new IllegalArgumentException("this server does not serve the stage '" + name + "'; it serves "
                    + String.join(", ", byName.keySet()));
        }
        return stage;
    }

    /** Every seeded canary split starts over from its seed. */
    void restartCanarySplits() {
        for (Stage stage : byName.values()) {
            if (stage.split() != null) {
                stage.split().restart();
            }
        }
    }

    /** Every gateway served now: each stage's, then its canary variant's. */
    List<Gateway> gateways() {
        return byName.keySet().stream().flatMap(name -> gateways(name).stream()).toList();
    }

    Gateway gatewayOf(String stage) {
        return stage(stage).main().current().gateway();
    }

    @Override
    public List<Gateway> gateways(String name) {
        Stage stage = stage(name);
        Gateway main = stage.main().current().gateway();
        return stage.canary() == null ? List.of(main) : List.of(main, stage.canary().current().gateway());
    }

    @Override
    public void close() {
        for (Stage stage : byName.values()) {
            if (stage.canary() != null) {
                stage.canary().close();
            }
            stage.main().close();
        }
    }
}
