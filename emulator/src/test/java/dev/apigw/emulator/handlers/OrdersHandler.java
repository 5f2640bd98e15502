package dev.apigw.emulator.handlers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A Lambda custom integration's function: gets what the request template built, fails for empty orders. */
public class OrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        List<?> items = (List<?>) input.get("items");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("Invalid order: \"" + input.get("id") + "\" has no items");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", input.get("id"));
        result.put("count", input.get("count"));
        result.put("seen", input);
        return result;
    }
}
