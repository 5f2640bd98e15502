package dev.apigw.emulator.handlers;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A proxy function that answers with how often it was called, so a cached answer shows an old number. */
public class CountingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "body", "call " + calls.incrementAndGet());
    }
}
