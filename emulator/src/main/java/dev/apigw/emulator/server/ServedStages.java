package dev.apigw.emulator.server;

import java.util.List;
import dev.apigw.emulator.Gateway;

/**
 * The stages a server serves, for apigw's endpoints that act on every stage ({@code DELETE PREFIX/cache}). Each call
 * reads the gateways being served now, so a {@code --watch} reload is seen.
 */
public interface ServedStages {
    /** The stages' names, the main stage first. */
    List<String> names();

    /**
     * The gateways serving a stage now: the stage's own, then its canary variant's if it has a canary.
     *
     * @throws IllegalArgumentException when the server does not serve that stage
     */
    List<Gateway> gateways(String stage);
}
