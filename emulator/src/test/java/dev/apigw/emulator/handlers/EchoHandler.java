package dev.apigw.emulator.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers with the event it received as the response body, so tests can look at the event over HTTP. */
public class EchoHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("statusCode", 200);
        result.putObject("headers").put("Content-Type", "application/json");
        result.put("body", new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        MAPPER.writeValue(output, result);
    }
}
