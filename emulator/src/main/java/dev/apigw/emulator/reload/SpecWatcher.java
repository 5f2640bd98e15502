package dev.apigw.emulator.reload;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.SpecSource;
import dev.apigw.importer.InvalidSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --watch}: when the spec file changes, builds a new {@link Gateway} from the same config and hands it over
 * to be served. A new version that does not start (import errors, missing functions) is not served: its problems
 * are logged, one line each as at startup, and the previous version keeps serving until the next change.
 */
public final class SpecWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpecWatcher.class);

    private final GatewayConfig config;
    private final Supplier<Gateway> create;
    private final Consumer<Gateway> serve;
    private final ChangeWatcher watcher = new ChangeWatcher("spec");

    private SpecWatcher(GatewayConfig config, Path spec, Supplier<Gateway> create, Consumer<Gateway> serve) {
        this.config = config;
        this.create = create;
        this.serve = serve;
        watcher.watch(List.of(spec), this::reimport);
    }

    /**
     * Watches the spec of {@code config}, when it is a file and the API can be swapped while served.
     *
     * @param serving the gateway serving now
     * @param create builds the next gateway from {@code config} once the spec changed
     * @param serve takes each new gateway; from then on it owns it
     */
    public static Optional<SpecWatcher> start(GatewayConfig config, Gateway serving, Supplier<Gateway> create,
            Consumer<Gateway> serve) {
        if (!(config.spec() instanceof SpecSource.File file)) {
            LOG.warn("--watch ignored: the spec {} is not a file", config.spec().name());
            return Optional.empty();
        }
        if (serving.webSocket().isPresent()) {
            // Open connections belong to the gateway that accepted them; a new one could not take them over.
            LOG.warn("--watch ignored: a WebSocket API is not re-imported while served; restart apigw after editing {}",
                    file.path());
            return Optional.empty();
        }
        return Optional.of(new SpecWatcher(config, file.path(), create, serve));
    }

    private void reimport() {
        String spec = config.spec().name();
        Gateway next;
        try {
            next = create.get();
        } catch (InvalidSpecException e) {
            // The import has logged every problem, one line each.
            LOG.warn("{} changed but is not a valid API definition; still serving the previous version", spec);
            return;
        } catch (GatewayStartupException e) {
            e.problems().forEach(problem -> LOG.warn("{}", problem));
            LOG.warn("{} changed but cannot be served (problems above); still serving the previous version", spec);
            return;
        } catch (RuntimeException e) {
            LOG.warn("{} changed but cannot be served ({}); still serving the previous version", spec, e.toString());
            return;
        }
        if (next.webSocket().isPresent()) {
            next.close();
            LOG.warn("{} changed into a WebSocket API, which is not swapped in while serving; restart apigw", spec);
            return;
        }
        serve.accept(next);
        LOG.info("re-imported {}: serving {} routes", spec, next.routes().size());
    }

    @Override
    public void close() {
        watcher.close();
    }
}
