package dev.apigw.emulator;

import java.time.Duration;

/**
 * What a {@link GatewayServer} needs from the config besides the gateways, so that both {@code start}s share one
 * path.
 */
record ServerSettings(String host, int port, WebSocketLimits limits, RequestLimits requestLimits,
        AdminEndpoints adminEndpoints, Duration shutdownGrace) {
    static ServerSettings of(GatewayConfig config) {
        return new ServerSettings(config.host(), config.port(), config.webSocketLimits(), config.requestLimits(),
                config.adminEndpoints(), config.shutdownGrace());
    }
}
