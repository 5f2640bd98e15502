package dev.apigw.benchmarks.soak;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The soak's WebSocket API, all three routes: accepts every {@code $connect}, acknowledges {@code $disconnect}, and
 * echoes each message through the {@code $default} route's route response, so the client can compare what it gets
 * with what it sent.
 */
public final class SoakWebSocketHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Kept by the class, as long as its class loader lives (see {@link SoakGeneration}). */
    private static final byte[] INIT = SoakGeneration.ballast();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object requestContext = event.get("requestContext");
        Object routeKey = requestContext instanceof Map<?, ?> map ? map.get("routeKey") : null;
        if (!"$default".equals(routeKey)) {
            return Map.of("statusCode", 200);
        }
        return Map.of("statusCode", 200, "body", String.valueOf(event.get("body")));
    }
}
