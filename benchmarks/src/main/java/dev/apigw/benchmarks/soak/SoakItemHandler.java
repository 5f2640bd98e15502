package dev.apigw.benchmarks.soak;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The soak's Lambda custom integration ({@code type: aws}): gets the payload the request template built, answers
 * with an item for the response template, and fails with "not found" for ids starting with {@code missing}, which the
 * integration response {@code .*not found.*} turns into a 404, the error path of a custom integration.
 */
public final class SoakItemHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final int GENERATION = SoakGeneration.read(SoakItemHandler.class);
    /** Kept by the class, as long as its class loader lives (see {@link SoakGeneration}). */
    private static final byte[] INIT = SoakGeneration.ballast();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        String id = String.valueOf(payload.get("id"));
        if (id.startsWith("missing")) {
            throw new IllegalArgumentException("not found: " + id);
        }
        return Map.of("id", id, "stage", String.valueOf(payload.get("stage")), "generation", GENERATION);
    }
}
