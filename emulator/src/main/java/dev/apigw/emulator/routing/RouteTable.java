package dev.apigw.emulator.routing;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.Api;
import dev.apigw.model.HttpApi;
import dev.apigw.model.RestApi;
import dev.apigw.model.WebSocketApi;
import java.util.List;

/**
 * The route stage: finds the resource and method (REST) or route (HTTP API) that serves a request. A table is
 * compiled once per API and stage, at startup, and is immutable and thread-safe afterwards.
 */
public interface RouteTable {

    /**
     * Matches a request.
     *
     * @throws GatewayException with {@link GatewayError#ROUTE_NOT_FOUND} when nothing serves the request (REST: 403
     *     Missing Authentication Token, HTTP API: 404 Not Found)
     */
    MatchedRoute match(GatewayRequest request);

    /** The compiled table in document order, for {@code apigw routes} and the startup output. */
    List<RouteEntry> entries();

    /** Compiles the table for one API served at one stage ({@code $default} serves an HTTP API at the root). */
    static RouteTable forApi(Api api, String stage) {
        if (api instanceof RestApi rest) {
            return new RestRouteTable(rest, stage);
        } else if (api instanceof HttpApi http) {
            return new HttpRouteTable(http, stage);
        } else if (api instanceof WebSocketApi) {
            return NoHttpRoutes.INSTANCE;
        }
        throw new IllegalStateException("unhandled API kind " + api.getClass().getSimpleName());
    }
}
