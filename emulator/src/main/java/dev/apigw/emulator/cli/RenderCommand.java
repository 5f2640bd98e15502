package dev.apigw.emulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.exchange.RequestContexts;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.InputVariable;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.MethodRequestParameters;
import dev.apigw.emulator.mapping.TemplateException;
import dev.apigw.emulator.mapping.TemplateScope;
import dev.apigw.emulator.mapping.UtilVariable;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code apigw render}: renders one mapping template exactly as the gateway would — same engine, {@code $input} over
 * the body, {@code $context} of a REST request on stage {@code dev} (any variable can be replaced with
 * {@code --context name=value}, e.g. {@code stage=prod} or {@code identity.sourceIp=10.0.0.1}) — and prints the
 * result. A template that does not parse or render is one line on stderr and exit code 1.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a mapping template the way API Gateway would and print the result.")
final class RenderCommand implements Callable<Integer> {
    private static final String STAGE = "dev";

    @Option(names = "--template", required = true, paramLabel = "FILE", description = "the Velocity mapping template")
    Path template;

    @Option(names = "--body", paramLabel = "FILE|-", description = "the payload ($input.body); '-' reads stdin")
    @Nullable String body;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a query string parameter (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "a request header (repeatable)")
    List<String> headers = new ArrayList<>();

    @Option(names = "--path-param", paramLabel = "NAME=VALUE", description = "a path parameter (repeatable)")
    List<String> pathParams = new ArrayList<>();

    @Option(names = "--stage-variable", paramLabel = "NAME=VALUE", description = "a stage variable (repeatable)")
    List<String> stageVariables = new ArrayList<>();

    @Option(names = "--context", paramLabel = "NAME=VALUE",
            description = "a $context variable, dotted names allowed: stage=prod, identity.sourceIp=10.0.0.1")
    List<String> context = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text = read(template, "template", "--template");
        String payload = body == null ? "" : body.equals("-") ? readStdin() : read(Path.of(body), "body", "--body");
        Map<String, String> variables = pairs(stageVariables, "--stage-variable");
        Exchange exchange = exchange(payload, variables);
        ContextVariable contextVariable = ContextVariable.of(exchange);
        pairs(context, "--context").forEach(contextVariable::set);
        InputVariable input = new InputVariable(payload,
                MethodRequestParameters.of(exchange.request(), exchange.route().pathParameters()));
        MappingTemplates templates = new MappingTemplates();
        String rendered;
        try {
            rendered = templates.render(templates.compile(text, template.toString()),
                    new TemplateScope(input, contextVariable, variables, new UtilVariable()));
        } catch (TemplateException e) {
            // Main prints an IllegalArgumentException as one "apigw: ..." line.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(rendered);
        out.flush();
        return Main.EXIT_OK;
    }

    /** A REST request to {@code /dev/} with the given parameters, as routing would have matched it. */
    private Exchange exchange(String payload, Map<String, String> variables) {
        String query = pairList(params, "--param").stream()
                .map(p -> encode(p[0]) + "=" + encode(p[1]))
                .collect(Collectors.joining("&"));
        List<Header> headerLines = new ArrayList<>();
        pairList(headers, "--header").forEach(p -> headerLines.add(new Header(p[0], p[1])));
        GatewayRequest request = GatewayRequest.of("POST", "/" + STAGE + "/" + (query.isEmpty() ? "" : "?" + query),
                new Headers(headerLines), payload);
        RequestContext requestContext = new RequestContexts("apigw render", STAGE, variables, false).create(request);
        MatchedRoute route = new MatchedRoute(STAGE, "/", "/", null, "r3nd3r", request.method(),
                new Integration.Mock(IntegrationOptions.defaults(29_000)), pairs(pathParams, "--path-param"), null);
        return new Exchange(request, route, requestContext, List.of());
    }

    private static Map<String, String> pairs(List<String> values, String option) {
        Map<String, String> map = new LinkedHashMap<>();
        pairList(values, option).forEach(p -> map.put(p[0], p[1]));
        return map;
    }

    private static List<String[]> pairList(List<String> values, String option) {
        List<String[]> pairs = new ArrayList<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new CliException(option + " expects NAME=VALUE, got '" + value + "'",
                        "write it as " + option + " name=value");
            }
            pairs.add(new String[] {value.substring(0, equals), value.substring(equals + 1)});
        }
        return pairs;
    }

    private static String read(Path file, String what, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read the " + what + " file " + file + " (" + e.getClass().getSimpleName()
                    + ")", "check the " + option + " path");
        }
    }

    private static String readStdin() {
        try {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read the body from stdin (" + e.getMessage() + ")",
                    "pass --body FILE instead of --body -");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
