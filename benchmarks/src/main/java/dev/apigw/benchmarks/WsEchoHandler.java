package dev.apigw.benchmarks;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The WebSocket load benchmark's {@code $default} route: echoes the message through a route response. */
public class WsEchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "body", String.valueOf(event.get("body")));
    }
}
