package dev.apigw.emulator.response;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The values a gateway response may use. Gateway response templates are not Velocity: AWS substitutes only
 * {@code $context.*}, {@code $stageVariables.*} and {@code method.request.*} references
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html).
 *
 * @param context {@code $context} variables by name ({@code requestId}, {@code stage}, …)
 * @param stageVariables the stage's variables
 * @param requestParameters {@code method.request.header.X} etc. → value
 */
public record TemplateVariables(
        Map<String, String> context, Map<String, String> stageVariables, Map<String, String> requestParameters) {

    /** {@code ${context.a.b}} or {@code $context.a.b} (a trailing dot is text, not part of the name). */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(context|stageVariables)\\.([\\w.]+)}|\\$(context|stageVariables)\\.(\\w+(?:\\.\\w+)*)");

    public TemplateVariables {
        context = Map.copyOf(context);
        stageVariables = Map.copyOf(stageVariables);
        requestParameters = Map.copyOf(requestParameters);
    }

    public static TemplateVariables none() {
        return new TemplateVariables(Map.of(), Map.of(), Map.of());
    }

    String render(String template, GatewayError error) {
        return render(template, error, error.restMessage());
    }

    String render(String template, GatewayError error, @Nullable String message) {
        Matcher m = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String root = m.group(1) != null ? m.group(1) : m.group(3);
            String name = m.group(1) != null ? m.group(2) : m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(lookup(root, name, error, message)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A response parameter source: {@code 'static'}, {@code method.request.header.X}, {@code context.x}, ... */
    String valueOf(String source) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("stageVariables.")) {
            return stageVariables.getOrDefault(source.substring("stageVariables.".length()), "");
        }
        if (source.startsWith("context.")) {
            return context.getOrDefault(source.substring("context.".length()), "");
        }
        return requestParameters.getOrDefault(source, "");
    }

    private String lookup(String root, String name, GatewayError error, @Nullable String message) {
        if (root.equals("stageVariables")) {
            return stageVariables.getOrDefault(name, "");
        }
        return switch (name) {
            // A null message (an authorizer configuration error) is JSON null as a string, and empty as text.
            case "error.message" -> message == null ? "" : message;
            case "error.messageString" -> GatewayError.jsonString(message);
            case "error.responseType" -> error.responseType().name();
            default -> context.getOrDefault(name, "");
        };
    }
}
