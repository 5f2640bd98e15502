package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway's own form of a model reference, {@code https://apigateway.amazonaws.com/restapis/{id}/models/{Model}}
 * (AWS-REFERENCE 9), names a model of the same API: it is read as a reference to that schema in the document
 * ({@code #/components/schemas/Model}, or {@code #/definitions/Model} in Swagger 2.0), never fetched.
 */
final class AwsModelRefs {
    static final Pattern MODEL_URL =
            Pattern.compile("^https://apigateway\\.amazonaws\\.com/restapis/[^/]+/models/([^/#?]+)$");

    private AwsModelRefs() {}

    static boolean isModelUrl(String ref) {
        return MODEL_URL.matcher(ref).matches();
    }

    /** Rewrites every such reference in {@code root} (a copy handed to swagger-parser) into a local one. */
    static void localize(JsonNode root, boolean swagger2) {
        String prefix = swagger2 ? "#/definitions/" : "#/components/schemas/";
        if (root.isObject()) {
            ObjectNode object = (ObjectNode) root;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                Matcher model = MODEL_URL.matcher(ref.asText());
                if (model.matches()) {
                    object.put("$ref", prefix + model.group(1));
                }
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                localize(field.getValue(), swagger2);
            }
        } else if (root.isArray()) {
            for (JsonNode element : root) {
                localize(element, swagger2);
            }
        }
    }
}
