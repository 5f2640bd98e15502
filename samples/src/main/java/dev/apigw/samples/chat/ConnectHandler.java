package dev.apigw.samples.chat;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** {@code $connect}: joins the room under the name given as {@code ?name=}; no name, no entry (400). */
public class ConnectHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> query = (Map<String, Object>) event.get("queryStringParameters");
        Object name = query == null ? null : query.get("name");
        if (name == null || name.toString().isBlank()) {
            return Map.of("statusCode", 400);
        }
        Map<String, Object> request = (Map<String, Object>) event.get("requestContext");
        ChatRoom.of(request).join((String) request.get("connectionId"), name.toString());
        return Map.of("statusCode", 200);
    }
}
