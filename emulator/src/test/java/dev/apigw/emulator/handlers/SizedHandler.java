package dev.apigw.emulator.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers with a body of {@code ?size=N} letters; with {@code ?encoding=X} it also sets {@code Content-Encoding: X},
 * as a function that compressed its answer itself would.
 */
public class SizedHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode query = MAPPER.readTree(input).path("queryStringParameters");
        ObjectNode result = MAPPER.createObjectNode();
        result.put("statusCode", 200);
        ObjectNode headers = result.putObject("headers").put("Content-Type", "text/plain");
        if (query.hasNonNull("encoding")) {
            headers.put("Content-Encoding", query.get("encoding").asText());
        }
        result.put("body", "a".repeat(query.path("size").asInt(0)));
        MAPPER.writeValue(output, result);
    }
}
