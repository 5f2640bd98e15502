package dev.apigw.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of several stages served at once: its own stage variables, over the config's shared ones.
 *
 * @param variables this stage's stage variables; a name here replaces the shared variable of that name
 */
public record StageOptions(Map<String, String> variables) {
    public static final StageOptions NONE = new StageOptions(Map.of());

    public StageOptions {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** These options with one more stage variable. */
    public StageOptions withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new StageOptions(more);
    }
}
