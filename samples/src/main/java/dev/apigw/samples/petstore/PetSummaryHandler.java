package dev.apigw.samples.petstore;

import java.util.LinkedHashMap;
import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * {@code GET /pets/{id}/summary} through a Lambda custom (non-proxy) integration: it receives only what the request
 * template builds ({@code {"petId": "1"}}) and returns plain data; the response template shapes the HTTP answer, and
 * a "not found" error is mapped to 404 by a selection pattern.
 */
public class PetSummaryHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String id = String.valueOf(input.get("petId"));
        Pet pet = PetStore.get(id).orElseThrow(() -> new IllegalArgumentException("Pet " + id + " not found"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", pet.name());
        summary.put("type", pet.type());
        summary.put("legs", legs(pet.type()));
        return summary;
    }

    private static int legs(String type) {
        return switch (type) {
            case "dog", "cat" -> 4;
            case "bird" -> 2;
            default -> 0;
        };
    }
}
