package dev.apigw.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.apigw.emulator.reload.Generations;

/**
 * The stages one server serves, each its own {@link Gateway} (a gateway is built for one stage; a second costs
 * milliseconds), picked per request by the path's first segment as on AWS, where the stage is that segment. An HTTP
 * API's {@code $default} stage has no segment, so it takes every path no named stage claims; any other unclaimed path
 * goes to the main stage, whose route table answers it with the usual "not found" error.
 */
final class StageDispatch implements AutoCloseable {
    private final Map<String, Generations<GatewayServer.Served>> byName = new LinkedHashMap<>();
    private final Generations<GatewayServer.Served> main;
    private final Generations<GatewayServer.Served> unclaimed;

    StageDispatch(List<Gateway> gateways, Function<Gateway, GatewayServer.Served> serve) {
        for (Gateway gateway : gateways) {
            byName.put(gateway.stage(), new Generations<>(serve.apply(gateway)));
        }
        main = byName.values().iterator().next();
        unclaimed = byName.getOrDefault(GatewayConfig.DEFAULT_HTTP_STAGE, main);
    }

    Generations<GatewayServer.Served> main() {
        return main;
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The stage that serves a raw request path: the one its first segment names, else as the class comment says. */
    Generations<GatewayServer.Served> forPath(String rawPath) {
        if (byName.size() == 1) {
            return main;
        }
        int start = rawPath.startsWith("/") ? 1 : 0;
        int end = rawPath.indexOf('/', start);
        String first = rawPath.substring(start, end < 0 ? rawPath.length() : end);
        Generations<GatewayServer.Served> named = byName.get(first);
        return named != null && !first.equals(GatewayConfig.DEFAULT_HTTP_STAGE) ? named : unclaimed;
    }

    Generations<GatewayServer.Served> generationsOf(String stage) {
        Generations<GatewayServer.Served> generations = byName.get(stage);
        if (generations == null) {
            throw new IllegalArgumentException("this server does not serve the stage '" + stage + "'; it serves "
                    + String.join(", ", byName.keySet()));
        }
        return generations;
    }

    Gateway gatewayOf(String stage) {
        return generationsOf(stage).current().gateway();
    }

    @Override
    public void close() {
        byName.values().forEach(Generations::close);
    }
}
