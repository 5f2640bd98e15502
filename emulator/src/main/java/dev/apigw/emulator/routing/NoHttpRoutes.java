package dev.apigw.emulator.routing;

import java.util.List;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/** A WebSocket API has no HTTP routes: a plain HTTP request to it (not an upgrade) is refused. */
final class NoHttpRoutes implements RouteTable {
    static final NoHttpRoutes INSTANCE = new NoHttpRoutes();

    private NoHttpRoutes() {}

    @Override
    public MatchedRoute match(GatewayRequest request) {
        throw new GatewayException(GatewayError.ROUTE_NOT_FOUND,
                "a WebSocket API answers WebSocket upgrades and @connections only: " + request.rawPath());
    }

    @Override
    public List<RouteEntry> entries() {
        return List.of();
    }
}
