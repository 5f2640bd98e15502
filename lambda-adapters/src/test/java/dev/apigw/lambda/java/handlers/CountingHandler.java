package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Reports which instance answered and how often, to show that one instance serves every invocation. */
public class CountingHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("instance", instance, "calls", calls.incrementAndGet());
    }
}
