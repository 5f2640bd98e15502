package dev.apigw.emulator.mapping;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one template render sees: {@code $input}, {@code $context}, {@code $stageVariables} and {@code $util}. The
 * request template and the response template of one request share the same {@link ContextVariable}, so overrides
 * set in the first are visible in the second, as on AWS (AWS-REFERENCE 5.2).
 *
 * @param stageVariables the stage's variables (empty when it has none)
 */
public record TemplateScope(
        InputVariable input, ContextVariable context, Map<String, String> stageVariables, UtilVariable util) {

    public TemplateScope {
        requireNonNull(input, "input");
        requireNonNull(context, "context");
        requireNonNull(util, "util");
        // A fresh map per render: templates may write to it (#set($stageVariables.x = ...)) without leaking.
        stageVariables = new LinkedHashMap<>(requireNonNull(stageVariables, "stageVariables"));
    }
}
