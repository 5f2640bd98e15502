package dev.apigw.emulator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.lambdaapi.InvokeApi;
import dev.apigw.emulator.lambdaapi.LambdaServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code apigw start-lambda}: serves functions through the Lambda Invoke API, with no API in front, the job of
 * {@code sam local start-lambda}; AWS SDK clients, the AWS CLI or another apigw ({@code --lambda-endpoint}) invoke
 * them. Serves until interrupted.
 */
@Command(name = "start-lambda", description = "Serve functions through the Lambda Invoke API (no API).",
        mixinStandardHelpOptions = true)
final class StartLambdaCommand implements Callable<Integer> {
    /** SAM's start-lambda port. */
    static final int DEFAULT_PORT = 3001;

    @Mixin
    FunctionOptions functionOptions = new FunctionOptions();

    @Option(names = "--host", paramLabel = "HOST", description = "default 127.0.0.1")
    @Nullable String host;

    @Option(names = "--port", paramLabel = "N", description = "default 3001; 0 picks a free port")
    @Nullable Integer port;

    @Spec
    CommandSpec spec;

    private final CountDownLatch shutdown;

    StartLambdaCommand(CountDownLatch shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (LambdaServer server = LambdaServer.start(config())) {
            for (String name : functionOptions.names()) {
                out.println("POST " + server.rootUri() + InvokeApi.PATH.replace("{FunctionName}", name));
            }
            out.println("apigw start-lambda listening on " + server.rootUri());
            out.flush();
            shutdown.await();
            out.println("apigw stopping");
        }
        return Main.EXIT_OK;
    }

    private GatewayConfig config() {
        if (functionOptions.names().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "start-lambda serves functions: give at"
                    + " least one --function NAME=HANDLER (or --remote-function)");
        }
        // The gateway's builder collects functions, environments and configs as `start` does; no spec is imported.
        GatewayConfig.Builder builder = GatewayConfig.builder()
                .spec(SpecSource.text("apigw start-lambda (functions only)", ""))
                .port(DEFAULT_PORT);
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(FunctionOptions.port(spec, port));
        }
        functionOptions.applyTo(builder, spec);
        return builder.build();
    }
}
