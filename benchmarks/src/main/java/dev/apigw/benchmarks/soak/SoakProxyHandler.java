package dev.apigw.benchmarks.soak;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The soak's Lambda proxy route, for the REST API (payload 1.0) and the HTTP API (payload 2.0) alike: answers with
 * the {@code id} path parameter and its code's generation, so the client can tell its request was the one answered
 * and which code answered it.
 */
public final class SoakProxyHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final int GENERATION = SoakGeneration.read(SoakProxyHandler.class);
    /** Kept by the class, as long as its class loader lives (see {@link SoakGeneration}). */
    private static final byte[] INIT = SoakGeneration.ballast();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object parameters = event.get("pathParameters");
        Object id = parameters instanceof Map<?, ?> map ? map.get("id") : null;
        if (id == null) {
            return Map.of("statusCode", 500, "body", "{\"message\":\"no id path parameter in the event\"}");
        }
        return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                "body", "{\"id\":\"" + id + "\",\"generation\":" + GENERATION + "}");
    }
}
