package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits at the gate named by {"gate": name} (when given) and answers which instance ran and how many invocations that
 * instance has served, to show how invocations are spread over instances.
 */
public class GatedHandler implements RequestHandler<Map<String, String>, Map<String, Object>> {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, String> event, Context context) {
        String gate = event.get("gate");
        if (gate != null) {
            Gates.pass(gate);
        }
        return Map.of("instance", instance, "calls", calls.incrementAndGet(), "logStream", context.getLogStreamName());
    }
}
