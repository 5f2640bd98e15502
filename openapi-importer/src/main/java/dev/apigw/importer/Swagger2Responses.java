package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Checks what swagger-parser's Swagger 2.0 converter cannot take: a response that is not an object, or a response
 * header of a type other than the primitive ones, makes it throw (it finds no response or no schema). Such places are
 * reported here, before the document reaches it.
 */
final class Swagger2Responses {
    /** Swagger 2.0 "Header Object": the type of a header. */
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array");

    private Swagger2Responses() {}

    /** Reports every such response and header; true when there was none. */
    static boolean check(JsonNode root, Problems problems) {
        int before = problems.list().size();
        checkResponses(root.path("responses"), "responses", problems);
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                checkResponses(operation.getValue().path("responses"),
                        "paths." + path.getKey() + "." + operation.getKey() + ".responses", problems);
            }
        }
        return problems.list().size() == before;
    }

    private static void checkResponses(JsonNode responses, String location, Problems problems) {
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (!response.getValue().isObject()) {
                problems.error(location + "." + response.getKey(), "a response must be an object (with a"
                        + " `description`), not `" + response.getValue() + "`. Write it as `description: OK`.");
                continue;
            }
            for (Map.Entry<String, JsonNode> header : response.getValue().path("headers").properties()) {
                JsonNode type = header.getValue().path("type");
                if (!type.isMissingNode() && !TYPES.contains(type.asText())) {
                    problems.error(location + "." + response.getKey() + ".headers." + header.getKey() + ".type",
                            "a response header's type must be string, number, integer, boolean or array in Swagger"
                                    + " 2.0, not `" + type.asText() + "`. Fix the type (for example `type: string`).");
                }
            }
        }
    }
}
