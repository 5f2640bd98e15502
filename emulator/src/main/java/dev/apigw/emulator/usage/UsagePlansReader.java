package dev.apigw.emulator.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.emulator.usage.UsagePlans.ApiKey;
import dev.apigw.emulator.usage.UsagePlans.Quota;
import dev.apigw.emulator.usage.UsagePlans.QuotaPeriod;
import dev.apigw.emulator.usage.UsagePlans.UsagePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the YAML format documented on {@link UsagePlans}; every error names the file and the field. */
final class UsagePlansReader {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

    private final Path file;

    private UsagePlansReader(Path file) {
        this.file = file;
    }

    static UsagePlans read(Path file) {
        return new UsagePlansReader(file).read();
    }

    private UsagePlans read() {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid YAML at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the usage plans file: " + e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw error("", "the file is empty; expected a usagePlans list");
        }
        checkFields(root, "", "usagePlans");
        JsonNode plansNode = required(root, "", "usagePlans");
        if (!plansNode.isArray()) {
            throw error("usagePlans", "expected a list of usage plans");
        }
        List<UsagePlan> plans = new ArrayList<>();
        for (int i = 0; i < plansNode.size(); i++) {
            plans.add(plan(plansNode.get(i), "usagePlans[" + i + "]"));
        }
        checkOnePlanPerKeyAndStage(plans);
        return new UsagePlans(plans);
    }

    private UsagePlan plan(JsonNode node, String at) {
        checkFields(node, at, "name", "stages", "throttle", "quota", "apiKeys");
        String name = text(required(node, at, "name"), at + ".name");
        List<String> stages = new ArrayList<>();
        JsonNode stagesNode = node.path("stages");
        if (!stagesNode.isMissingNode()) {
            if (!stagesNode.isArray()) {
                throw error(at + ".stages", "expected a list of stage names");
            }
            for (int i = 0; i < stagesNode.size(); i++) {
                stages.add(text(stagesNode.get(i), at + ".stages[" + i + "]"));
            }
        }
        Throttle throttle = null;
        Map<String, Throttle> methodThrottling = new LinkedHashMap<>();
        JsonNode throttleNode = node.path("throttle");
        if (!throttleNode.isMissingNode()) {
            checkFields(throttleNode, at + ".throttle", "rateLimit", "burstLimit", "methodThrottling");
            if (throttleNode.has("rateLimit") || throttleNode.has("burstLimit")) {
                throttle = throttle(throttleNode, at + ".throttle");
            }
            methodThrottling = methodThrottling(throttleNode.path("methodThrottling"), at + ".throttle.methodThrottling");
        }
        Quota quota = node.has("quota") ? quota(node.get("quota"), at + ".quota") : null;
        List<ApiKey> keys = new ArrayList<>();
        JsonNode keysNode = node.path("apiKeys");
        if (!keysNode.isMissingNode()) {
            if (!keysNode.isArray()) {
                throw error(at + ".apiKeys", "expected a list of API keys");
            }
            for (int i = 0; i < keysNode.size(); i++) {
                keys.add(apiKey(keysNode.get(i), at + ".apiKeys[" + i + "]"));
            }
        }
        return new UsagePlan(name, throttle, methodThrottling, quota, stages, keys);
    }

    private Map<String, Throttle> methodThrottling(JsonNode node, String at) {
        Map<String, Throttle> result = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return result;
        }
        if (!node.isObject()) {
            throw error(at, "expected a map of \"{resourcePath}/{httpMethod}\" to throttles");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String where = at + ".\"" + key + "\"";
            int slash = key.lastIndexOf('/');
            if (!key.startsWith("/") || slash < 1 || !HTTP_METHODS.contains(key.substring(slash + 1))) {
                throw error(where, "expected a key like \"/pets/{id}/GET\" ({resourcePath}/{httpMethod}; \"//GET\" "
                        + "for the root resource)");
            }
            checkFields(entry.getValue(), where, "rateLimit", "burstLimit");
            result.put(key, throttle(entry.getValue(), where));
        }
        return result;
    }

    private Throttle throttle(JsonNode node, String at) {
        JsonNode rate = required(node, at, "rateLimit");
        JsonNode burst = required(node, at, "burstLimit");
        if (!rate.isNumber() || rate.asDouble() < 0) {
            throw error(at + ".rateLimit", "expected a number of requests per second >= 0, found " + rate);
        }
        return new Throttle(rate.asDouble(), nonNegativeInt(burst, at + ".burstLimit"));
    }

    private Quota quota(JsonNode node, String at) {
        checkFields(node, at, "limit", "period", "offset");
        int limit = nonNegativeInt(required(node, at, "limit"), at + ".limit");
        String periodText = text(required(node, at, "period"), at + ".period");
        QuotaPeriod period;
        try {
            period = QuotaPeriod.valueOf(periodText);
        } catch (IllegalArgumentException e) {
            throw error(at + ".period", "expected DAY, WEEK or MONTH, found \"" + periodText + "\"");
        }
        int offset = node.has("offset") ? nonNegativeInt(node.get("offset"), at + ".offset") : 0;
        try {
            return new Quota(limit, period, offset);
        } catch (IllegalArgumentException e) {
            throw error(at + ".offset", e.getMessage());
        }
    }

    private ApiKey apiKey(JsonNode node, String at) {
        if (node.isTextual()) {
            return ApiKey.of(text(node, at));
        }
        checkFields(node, at, "value", "id", "name", "enabled");
        String value = text(required(node, at, "value"), at + ".value");
        String id = node.has("id") ? text(node.get("id"), at + ".id") : null;
        String name = node.has("name") ? text(node.get("name"), at + ".name") : null;
        JsonNode enabled = node.path("enabled");
        if (!enabled.isMissingNode() && !enabled.isBoolean()) {
            throw error(at + ".enabled", "expected true or false, found " + enabled);
        }
        return new ApiKey(value, id, name, enabled.isMissingNode() || enabled.asBoolean());
    }

    // AWS rejects adding a key to a second plan for the same API stage; so do we, at startup.
    private void checkOnePlanPerKeyAndStage(List<UsagePlan> plans) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (int p = 0; p < plans.size(); p++) {
            UsagePlan plan = plans.get(p);
            Set<String> stages = plan.stages().isEmpty() ? Set.of("*") : new HashSet<>(plan.stages());
            for (ApiKey key : plan.apiKeys()) {
                for (String other : seen.keySet()) {
                    String[] parts = other.split("\u0000", 2);
                    if (parts[0].equals(key.value()) && (parts[1].equals("*") || stages.contains("*")
                            || stages.contains(parts[1]))) {
                        throw error("usagePlans[" + p + "].apiKeys", "API key " + describe(key)
                                + " is already in plan \"" + seen.get(other) + "\" for an overlapping stage; "
                                + "a key may belong to only one plan per stage");
                    }
                }
            }
            for (ApiKey key : plan.apiKeys()) {
                for (String stage : stages) {
                    seen.put(key.value() + "\u0000" + stage, plan.name());
                }
            }
        }
    }

    private static String describe(ApiKey key) {
        return key.id() != null ? "\"" + key.id() + "\"" : "ending in \"" + tail(key.value()) + "\"";
    }

    private static String tail(String value) {
        return value.length() <= 4 ? value : "…" + value.substring(value.length() - 4);
    }

    private JsonNode required(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(at.isEmpty() ? field : at + "." + field, "is required");
        }
        return value;
    }

    private String text(JsonNode node, String at) {
        if (!node.isTextual() && !node.isNumber()) {
            throw error(at, "expected a string, found " + node.getNodeType().name().toLowerCase());
        }
        String text = node.asText();
        if (text.isBlank()) {
            throw error(at, "must not be blank");
        }
        return text;
    }

    private int nonNegativeInt(JsonNode node, String at) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            throw error(at, "expected a whole number >= 0, found " + node);
        }
        return node.asInt();
    }

    private void checkFields(JsonNode node, String at, String... allowed) {
        if (!node.isObject()) {
            throw error(at.isEmpty() ? "(root)" : at, "expected a map with " + String.join(", ", allowed));
        }
        List<String> known = Arrays.asList(allowed);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(at.isEmpty() ? name : at + "." + name,
                        "unknown field; expected one of " + String.join(", ", allowed));
            }
        }
    }

    private IllegalArgumentException error(@Nullable String at, String message) {
        return new IllegalArgumentException(file + ": " + (at == null || at.isEmpty() ? "" : at + ": ") + message);
    }
}
