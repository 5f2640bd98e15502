package dev.apigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The environment-variables file SAM users already have ({@code sam local start-api --env-vars env.json}):
 * {@code {"Parameters": {"KEY": "value"}, "FunctionName": {"KEY": "value"}}}. {@code Parameters} applies to every
 * function, a function's own object over it. Numbers and booleans are taken as their text, as SAM does.
 */
public final class EnvVarsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHARED = "Parameters";

    private EnvVarsFile() {}

    /**
     * Applies the file's variables to {@code builder}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong, for an unreadable or malformed file
     */
    public static void applyTo(Path file, GatewayConfig.Builder builder) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            String line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ")" : "";
            throw new IllegalArgumentException("cannot read env-vars file " + file + line + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ". It must be JSON such as"
                    + " {\"Parameters\": {\"STAGE\": \"dev\"}, \"GetPet\": {\"TABLE\": \"pets\"}}");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("env-vars file " + file + " must hold a JSON object such as"
                    + " {\"Parameters\": {\"STAGE\": \"dev\"}, \"GetPet\": {\"TABLE\": \"pets\"}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> function = it.next();
            JsonNode variables = function.getValue();
            if (!variables.isObject()) {
                throw new IllegalArgumentException("env-vars file " + file + ": \"" + function.getKey()
                        + "\" must be an object of variables, e.g. {\"TABLE\": \"pets\"}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> vars = variables.fields(); vars.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = vars.next();
                JsonNode value = variable.getValue();
                if (value.isContainerNode()) {
                    throw new IllegalArgumentException("env-vars file " + file + ": " + function.getKey() + "."
                            + variable.getKey() + " must be a string, number or boolean");
                }
                String text = value.isNull() ? "" : value.asText();
                if (function.getKey().equals(SHARED)) {
                    builder.sharedEnvironment(variable.getKey(), text);
                } else {
                    builder.functionEnvironment(function.getKey(), variable.getKey(), text);
                }
            }
        }
    }
}
