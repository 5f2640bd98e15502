package dev.apigw.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One of several stages served at once: its own stage variables, over the config's shared ones, and its canary.
 *
 * @param variables this stage's stage variables; a name here replaces the shared variable of that name
 * @param canary the stage's canary, or null for none
 */
public record StageOptions(Map<String, String> variables, @Nullable Canary canary) {
    public static final StageOptions NONE = new StageOptions(Map.of());

    public StageOptions {
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public StageOptions(Map<String, String> variables) {
        this(variables, null);
    }

    /** These options with one more stage variable. */
    public StageOptions withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new StageOptions(more, canary);
    }

    public StageOptions withCanary(@Nullable Canary newCanary) {
        return new StageOptions(variables, newCanary);
    }
}
