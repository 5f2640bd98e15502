package dev.apigw.emulator.mapping;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * The one entry point to Velocity: parses mapping templates (once per distinct text) and renders them with
 * {@code $input}, {@code $context}, {@code $stageVariables} and {@code $util}, the way API Gateway does. One instance
 * per gateway; it is thread-safe and keeps no static state.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
public final class MappingTemplates {
    /** AWS: "Mapping template size: 300 KB" (AWS-REFERENCE 6.6); counted here in UTF-8 bytes. */
    static final int MAX_TEMPLATE_BYTES = 300 * 1024;

    /** Velocity's own position suffix, e.g. {@code  at paths./pets.get…[line 3, column 7]}; the message says it first. */
    private static final Pattern POSITION = Pattern.compile("\\s+at\\s+.*\\[line \\d+, column \\d+\\]\\.?");

    private final RuntimeInstance velocity = EngineSettings.newEngine();
    private final Map<String, Template.Parsed> parsed = new ConcurrentHashMap<>();

    /**
     * Parses {@code text}, or reuses the tree of an earlier template with the same text.
     *
     * @param location where the template is defined, used in error messages
     * @throws TemplateException when the template is too big or does not parse
     */
    public Template compile(String text, String location) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEMPLATE_BYTES) {
            throw new TemplateException(location + ": the template is " + bytes
                    + " bytes; API Gateway allows at most 300 KB (" + MAX_TEMPLATE_BYTES + " bytes)");
        }
        return new Template(location,
                parsed.computeIfAbsent(text, t -> new Template.Parsed(parse(t, location), new IntrospectionCache())));
    }

    /**
     * Renders a compiled template.
     *
     * @throws TemplateException when rendering fails (a method throws, the payload is not JSON …)
     */
    public String render(Template template, TemplateScope scope) {
        RenderBudget budget = new RenderBudget(template.location());
        TemplateContext variables = new TemplateContext(template.introspection(), budget);
        variables.put("input", scope.input());
        variables.put("context", scope.context().templateValue());
        variables.put("stageVariables", scope.stageVariables());
        variables.put("util", scope.util());
        RenderOutput out = new RenderOutput(template.expectedLength(), budget);
        try (RenderBudget.Scope current = budget.enter()) {
            template.parsed().merge(variables, out);
        } catch (TemplateException e) {
            throw e;
        } catch (MethodInvocationException e) {
            if (e.getCause() instanceof TemplateException exceeded) {
                throw exceeded;
            }
            throw new TemplateException(template.location() + " line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": method '" + e.getMethodName() + "' threw "
                    + oneLine(describe(e.getCause() == null ? e : e.getCause())), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new TemplateException(template.location() + ": " + oneLine(describe(e)), e);
        }
        template.rendered(out.length());
        return out.toString();
    }

    private org.apache.velocity.Template parse(String text, String location) {
        org.apache.velocity.Template template = new org.apache.velocity.Template();
        template.setName(location);
        template.setRuntimeServices(velocity);
        try {
            SimpleNode tree = velocity.parse(new StringReader(text), template);
            template.setData(tree);
            template.initDocument();
        } catch (ParseException e) {
            throw parseError(new ParseErrorException(e, location), location);
        } catch (ParseErrorException e) {
            throw parseError(e, location);
        } catch (VelocityException e) {
            throw new TemplateException(location + ": " + oneLine(describe(e)), e);
        }
        return template;
    }

    /** One sentence: {@code <location> line L, column C: <Velocity's reason>}. */
    private static TemplateException parseError(ParseErrorException e, String location) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).trim();
        // Velocity marks the end of the text with U+001C; name it as people would.
        String reason = POSITION.matcher(firstLine).replaceAll("").replace("\"\\u001c\"", "\"<EOF>\"")
                .replace("\\u001c", "").replaceAll("\\s{2,}", " ").trim();
        return new TemplateException(location + " line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                + ": " + reason, e);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
