package dev.apigw.emulator.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP integration URI such as {@code http://backend:8080/pets/{id}/{proxy}}, split once into literal text and
 * placeholders. Stage variables ({@code ${stageVariables.x}}) are fixed for a gateway, so they are substituted
 * when the template is compiled; {@code {name}} placeholders are filled per request.
 */
final class UriTemplate {
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9._-]+)\\+?}");

    private final List<String> literals = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    UriTemplate(String uri, Map<String, String> stageVariables) {
        String resolved = substituteStageVariables(uri, stageVariables);
        Matcher m = PLACEHOLDER.matcher(resolved);
        int last = 0;
        while (m.find()) {
            literals.add(resolved.substring(last, m.start()));
            names.add(m.group(1));
            last = m.end();
        }
        literals.add(resolved.substring(last));
    }

    static String substituteStageVariables(String text, Map<String, String> stageVariables) {
        Matcher m = STAGE_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // AWS substitutes an undefined stage variable with an empty string.
            m.appendReplacement(out, Matcher.quoteReplacement(stageVariables.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    List<String> placeholderNames() {
        return List.copyOf(names);
    }

    /** Fills each placeholder from {@code values}; values are raw path text (percent-encoding kept). */
    String expand(Map<String, String> values) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < names.size(); i++) {
            out.append(values.getOrDefault(names.get(i), "")).append(literals.get(i + 1));
        }
        return out.toString();
    }
}
