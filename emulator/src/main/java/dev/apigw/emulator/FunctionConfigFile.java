package dev.apigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Per-function settings ({@code --function-config FILE}), YAML or JSON, in the names SAM templates use:
 *
 * <pre>
 * GetPet:
 *   timeout: 6               # seconds
 *   memorySize: 256          # MB, what Context.getMemoryLimitInMB() reports
 *   reservedConcurrency: 2   # the most invocations at once; over it Lambda throttles
 * </pre>
 */
public final class FunctionConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("timeout", "memorySize", "reservedConcurrency");

    private FunctionConfigFile() {}

    /** @throws IllegalArgumentException naming the file and the setting, for a file that cannot be used */
    public static Map<String, FunctionConfig> read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read function config file " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("function config file " + file + " must map function names to"
                    + " settings, e.g. GetPet: {timeout: 6, memorySize: 256, reservedConcurrency: 2}");
        }
        Map<String, FunctionConfig> configs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> function = it.next();
            configs.put(function.getKey(), config(file, function.getKey(), function.getValue()));
        }
        return configs;
    }

    private static FunctionConfig config(Path file, String function, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("function config file " + file + ": " + function + " must be an object"
                    + " with timeout, memorySize and/or reservedConcurrency");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("function config file " + file + ": unknown setting " + function
                        + "." + key + "; known: timeout, memorySize, reservedConcurrency");
            }
        });
        Integer timeout = positive(file, function, node.get("timeout"), "timeout");
        try {
            return new FunctionConfig(timeout == null ? null : Duration.ofSeconds(timeout),
                    positive(file, function, node.get("memorySize"), "memorySize"),
                    whole(file, function, node.get("reservedConcurrency"), "reservedConcurrency"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("function config file " + file + ": " + function + ": "
                    + e.getMessage());
        }
    }

    private static @Nullable Integer positive(Path file, String function, @Nullable JsonNode node, String key) {
        Integer value = whole(file, function, node, key);
        if (value != null && value <= 0) {
            throw new IllegalArgumentException("function config file " + file + ": " + function + "." + key
                    + " must be above 0, was " + value);
        }
        return value;
    }

    private static @Nullable Integer whole(Path file, String function, @Nullable JsonNode node, String key) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException("function config file " + file + ": " + function + "." + key
                    + " must be a whole number, was " + node);
        }
        return node.intValue();
    }
}
