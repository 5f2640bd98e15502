package dev.apigw.emulator.routing;

import static java.util.Objects.requireNonNull;

import dev.apigw.model.Integration;

/**
 * One line of a compiled route table, as {@code apigw routes} and the startup banner print it.
 *
 * @param method the method as configured ({@code GET}, {@code ANY}); {@code ANY} for an HTTP API's {@code $default}
 *     route
 * @param path the path as a client calls it, stage included where the URL has one: {@code /dev/pets/{id}} (REST
 *     stage {@code dev}), {@code /pets/{id}} (HTTP API {@code $default} stage); {@code /*} for the {@code $default}
 *     route
 * @param routeKeyOrResource the REST resource template ({@code /pets/{id}}) or the HTTP API route key
 *     ({@code GET /pets/{id}}, {@code $default})
 * @param integration the integration that serves it
 */
public record RouteEntry(String method, String path, String routeKeyOrResource, Integration integration) {

    public RouteEntry {
        requireNonNull(method, "method");
        requireNonNull(path, "path");
        requireNonNull(routeKeyOrResource, "routeKeyOrResource");
        requireNonNull(integration, "integration");
    }
}
