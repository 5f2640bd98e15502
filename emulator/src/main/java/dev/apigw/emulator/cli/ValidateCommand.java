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
import dev.apigw.emulator.support.SupportReport;
import dev.apigw.emulator.validation.MethodValidations;
import dev.apigw.importer.ImportResult;
import dev.apigw.importer.Problem;
import dev.apigw.importer.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code apigw validate}: prints every problem of the document and the settings apigw does not enforce (the support
 * report); exit 1 when any problem is an error, or with {@code --strict} (or {@code strict: true} in the project file)
 * when the support report is not empty, as {@code apigw start --strict} would refuse to start.
 */
@Command(name = "validate", description = "Check an API definition and list every problem.", mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--strict", description = "exit 1 when the spec uses a setting apigw does not enforce")
    boolean strict;

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
        SupportReport support = SupportReport.of(result);
        boolean refused = (strict || config.strict()) && !support.isEmpty();
        for (String line : support.unenforced()) {
            out.println((refused ? "ERROR " : "NOT ENFORCED ") + line);
        }
        long warnings = result.problems().stream().filter(p -> p.severity() == Severity.WARNING).count();
        out.println(config.spec().name() + ": " + errors + " error(s), " + warnings + " warning(s), "
                + support.items().size() + " setting(s) not enforced" + (refused ? " (refused by --strict)" : ""));
        return errors > 0 || refused ? Main.EXIT_PROBLEM : Main.EXIT_OK;
    }
}
