package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.SchemaModel;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The models of a REST API: the document's named schemas ({@code components.schemas} / {@code definitions}) plus
 * one generated model per inline request or response schema. Each model is a self-contained JSON schema: the
 * schemas it refers to are copied under its {@code definitions} and referred to as {@code #/definitions/NAME}.
 */
final class SchemaModels {

    private static final String COMPONENT_REF = "#/components/schemas/";
    private static final String MODEL_NAME = "[A-Za-z0-9]+";

    private final ParsedSpec spec;
    private final Problems problems;
    private final ObjectMapper mapper;
    private final Map<String, JsonNode> named = new LinkedHashMap<>();
    private final Map<String, SchemaModel> models = new LinkedHashMap<>();

    SchemaModels(ParsedSpec spec, Problems problems) {
        this.spec = spec;
        this.problems = problems;
        // swagger-core's own mappers know how to write its Schema types (3.1 schemas have their own).
        this.mapper = spec.version() == ParsedSpec.Version.OPENAPI_3_1 ? Json31.mapper() : Json.mapper();
        Components components = spec.openApi().getComponents();
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> named.put(name, mapper.valueToTree(schema)));
        }
        named.forEach((name, schema) -> {
            String location = spec.schemasLocation() + "." + name;
            if (!name.matches(MODEL_NAME)) {
                problems.warning(location, "model name `" + name + "` is not alphanumeric, which API Gateway"
                        + " requires of model names. Rename it, e.g. `" + name.replaceAll("[^A-Za-z0-9]", "") + "`.");
            }
            models.put(name, new SchemaModel(name, selfContained(schema, location)));
        });
    }

    Map<String, SchemaModel> models() {
        return models;
    }

    /**
     * The model of a request or response body schema: the name a {@code $ref} points at, or a new model named
     * after {@code suggestedName} for an inline schema. Null when there is no schema (or a broken $ref, reported).
     */
    @Nullable String modelFor(@Nullable Schema<?> schema, String suggestedName, String location) {
        if (schema == null) {
            return null;
        }
        if (schema.get$ref() != null) {
            String name = referencedName(schema.get$ref(), location);
            return name != null && named.containsKey(name) ? name : null;
        }
        String name = suggestedName;
        for (int i = 2; models.containsKey(name); i++) {
            name = suggestedName + i;
        }
        models.put(name, new SchemaModel(name, selfContained(mapper.valueToTree(schema), location)));
        return name;
    }

    private @Nullable String referencedName(String ref, String location) {
        String name = ref.startsWith(COMPONENT_REF) ? ref.substring(COMPONENT_REF.length()) : null;
        if (name == null || !named.containsKey(name)) {
            String written = spec.isSwagger2() ? ref.replace(COMPONENT_REF, "#/definitions/") : ref;
            problems.error(location, "cannot resolve $ref `" + written + "`: there is no such schema under "
                    + spec.schemasLocation() + ". Define it there, or fix the $ref.");
            return null;
        }
        return name;
    }

    /** The schema with every reference rewritten to {@code #/definitions/NAME} and those schemas attached. */
    private String selfContained(JsonNode schema, String location) {
        if (!(schema instanceof ObjectNode root)) {
            return schema.toString();
        }
        ObjectNode copy = root.deepCopy();
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(copy);
        while (!pending.isEmpty()) {
            for (String name : rewriteRefs(pending.pop(), location)) {
                if (!definitions.containsKey(name) && named.containsKey(name)) {
                    JsonNode definition = named.get(name).deepCopy();
                    definitions.put(name, definition);
                    pending.push(definition);
                }
            }
        }
        if (!definitions.isEmpty()) {
            copy.putObject("definitions").setAll(definitions);
        }
        return copy.toString();
    }

    private Set<String> rewriteRefs(JsonNode node, String location) {
        Set<String> names = new LinkedHashSet<>();
        if (node instanceof ObjectNode object && object.path("$ref").isTextual()) {
            String name = referencedName(object.get("$ref").asText(), location);
            if (name != null) {
                object.put("$ref", "#/definitions/" + name);
                names.add(name);
            }
        }
        for (JsonNode child : node) {
            names.addAll(rewriteRefs(child, location));
        }
        return names;
    }
}
