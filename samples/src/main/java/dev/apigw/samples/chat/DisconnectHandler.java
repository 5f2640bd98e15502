package dev.apigw.samples.chat;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** {@code $disconnect}: leaves the room. */
public class DisconnectHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> request = (Map<String, Object>) event.get("requestContext");
        ChatRoom.of(request).leave((String) request.get("connectionId"));
        return Map.of("statusCode", 200);
    }
}
