package dev.apigw.emulator.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.StageThrottle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apigw start}: serves the API until interrupted (SIGINT / SIGTERM close it cleanly). */
@Command(name = "start", description = "Serve an API locally.", mixinStandardHelpOptions = true)
final class StartCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--host", paramLabel = "HOST", description = "default 127.0.0.1")
    @Nullable String host;

    @Option(names = "--port", paramLabel = "N", description = "default 3000; 0 picks a free port")
    @Nullable Integer port;

    @Option(names = "--stage", paramLabel = "NAME", description = "REST default \"dev\"; HTTP default \"$default\"")
    @Nullable String stage;

    @Option(names = "--stage-variable", paramLabel = "NAME=VALUE", description = "repeatable")
    Map<String, String> stageVariables = new LinkedHashMap<>();

    @Option(names = "--function", paramLabel = "NAME=HANDLER",
            description = "repeatable; HANDLER is pkg.Class::method or pkg.Class")
    Map<String, String> functions = new LinkedHashMap<>();

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "repeatable; directories or jars; also accepts a path-separator list")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--api-key", paramLabel = "VALUE",
            description = "repeatable; accepted on apiKeyRequired methods (a usage plan without limits)")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--usage-plans", paramLabel = "FILE", description = "usage plans: throttles, quotas, keys (YAML)")
    @Nullable Path usagePlans;

    @Option(names = "--throttle", paramLabel = "RATE:BURST", description = "the stage's default throttle, e.g. 100:200")
    @Nullable String throttle;

    @Spec
    CommandSpec spec;

    private final CountDownLatch shutdown;

    StartCommand(CountDownLatch shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config = specOptions.build(applyFlags(specOptions.toBuilder()));
        PrintWriter out = spec.commandLine().getOut();
        try (GatewayServer server = GatewayServer.start(config)) {
            RouteListing.print(out, server.gateway().routes(), server.rootUri().toString());
            out.println("apigw listening on " + server.rootUri());
            out.flush();
            shutdown.await();
            out.println("apigw stopping");
        }
        return Main.EXIT_OK;
    }

    private GatewayConfig.Builder applyFlags(GatewayConfig.Builder builder) {
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--port must be between 0 and 65535, was " + port);
            }
            builder.port(port);
        }
        if (stage != null) {
            builder.stage(stage);
        }
        stageVariables.forEach(builder::stageVariable);
        apiKeys.forEach(builder::apiKey);
        if (usagePlans != null) {
            builder.usagePlans(usagePlans);
        }
        if (throttle != null) {
            try {
                builder.throttle(StageThrottle.parse(throttle));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--throttle: " + e.getMessage());
            }
        }
        functions.forEach((name, handler) -> builder.function(name, FunctionDefinition.HandlerClass.of(handler)));
        for (String entry : classpath) {
            for (String part : entry.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    builder.classpath(Path.of(part));
                }
            }
        }
        return builder;
    }
}
