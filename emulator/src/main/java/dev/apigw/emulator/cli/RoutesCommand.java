package dev.apigw.emulator.cli;

import java.util.concurrent.Callable;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.routing.RouteTable;
import dev.apigw.model.Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.jspecify.annotations.Nullable;

/** {@code apigw routes}: prints the compiled route table (method, path, integration kind, target). */
@Command(name = "routes", description = "Print the route table of an API.", mixinStandardHelpOptions = true)
final class RoutesCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--stage", paramLabel = "NAME", description = "REST default \"dev\"; HTTP default \"$default\"")
    @Nullable String stage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GatewayConfig.Builder builder = specOptions.toBuilder();
        if (stage != null) {
            builder.stage(stage);
        }
        GatewayConfig config = specOptions.build(builder);
        Api api = config.spec().importApi(config.apiType()).orThrow();
        RouteListing.print(spec.commandLine().getOut(), RouteTable.forApi(api, config.stageFor(api.type())).entries(),
                "");
        return Main.EXIT_OK;
    }
}
