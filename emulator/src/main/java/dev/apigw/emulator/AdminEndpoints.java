package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

/**
 * Where apigw's own endpoints are served: the dashboard, metrics, health, the request journal, the local issuer and
 * the Lambda Invoke API. None of them exists on AWS, so a gateway reachable by others may want them elsewhere or off;
 * the API's routes, and {@code @connections} (which AWS serves on the API's own host), stay on the API's port.
 *
 * @param placement on the API's port, on a port of their own, or nowhere
 * @param port the own port when {@code placement} is {@link Placement#OWN_PORT} (0 picks a free one); else 0
 */
public record AdminEndpoints(Placement placement, int port) {

    /** The three places the endpoints can be. */
    public enum Placement { API_PORT, OWN_PORT, OFF }

    public AdminEndpoints {
        requireNonNull(placement, "placement");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the admin port must be 0..65535, was " + port);
        }
        if (placement != Placement.OWN_PORT && port != 0) {
            throw new IllegalArgumentException("an admin port is only given with Placement.OWN_PORT, was " + port);
        }
    }

    /** Under the admin prefix on the API's port: the default. */
    public static AdminEndpoints onApiPort() {
        return new AdminEndpoints(Placement.API_PORT, 0);
    }

    /** On a port of their own (0 picks a free one), on the same host as the API. */
    public static AdminEndpoints onPort(int port) {
        return new AdminEndpoints(Placement.OWN_PORT, port);
    }

    /** Not served at all; requests under the admin prefix go to the API like any other path. */
    public static AdminEndpoints off() {
        return new AdminEndpoints(Placement.OFF, 0);
    }

    /** Whether the admin prefix is reserved on the API's port. */
    public boolean sharesApiPort() {
        return placement == Placement.API_PORT;
    }
}
