package dev.apigw.emulator.cli;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.integration.Integrations;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.validation.MethodValidations;
import dev.apigw.importer.ImportResult;
import dev.apigw.importer.Problem;
import dev.apigw.importer.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code apigw validate}: prints every problem of the document; exit 1 when any is an error. */
@Command(name = "validate", description = "Check an API definition and list every problem.", mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GatewayConfig config = specOptions.build(specOptions.toBuilder());
        ImportResult result = config.spec().importApi(config.apiType());
        PrintWriter out = spec.commandLine().getOut();
        for (Problem problem : result.problems()) {
            out.println(problem);
        }
        long errors = result.problems().stream().filter(p -> p.severity() == Severity.ERROR).count();
        if (result.api() != null) {
            // Templates and mappings are checked as the gateway compiles them at startup.
            List<String> integrationProblems = new ArrayList<>(Integrations.compile(result.api(),
                    config.stageVariables(), new Functions(Map.of()), HttpClient.newHttpClient(), new MappingTemplates())
                    .problems());
            MethodValidations.compile(result.api(), integrationProblems);
            integrationProblems.forEach(problem -> out.println("ERROR " + problem));
            errors += integrationProblems.size();
        }
        long warnings = result.problems().stream().filter(p -> p.severity() == Severity.WARNING).count();
        out.println(config.spec().name() + ": " + errors + " error(s), " + warnings + " warning(s)");
        return errors > 0 ? Main.EXIT_PROBLEM : Main.EXIT_OK;
    }
}
