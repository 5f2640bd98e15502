package dev.apigw.emulator.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;

/** One piece of a compiled route selection expression: literal text or a JSONPath into the message body. */
sealed interface RouteSelectionPart {

    String evaluate(JsonNode body);

    record Literal(String text) implements RouteSelectionPart {
        @Override
        public String evaluate(JsonNode body) {
            return text;
        }
    }

    /** {@code $request.body<path>}; {@code path} is Jayway's compiled {@code $<path>}. */
    record BodyPath(String variable, JsonPath path) implements RouteSelectionPart {
        @Override
        public String evaluate(JsonNode body) {
            return RouteSelectionJson.read(body, path);
        }
    }
}
