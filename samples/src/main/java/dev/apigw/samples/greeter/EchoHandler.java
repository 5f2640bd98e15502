package dev.apigw.samples.greeter;

import java.util.LinkedHashMap;
import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The {@code $default} route: answers with what it was called with. It returns a plain map without
 * {@code statusCode}, so API Gateway infers a 200 JSON response from it (payload 2.0 inference).
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("routeKey", event.get("routeKey"));
        echo.put("rawPath", event.get("rawPath"));
        echo.put("rawQueryString", event.get("rawQueryString"));
        return echo;
    }
}
