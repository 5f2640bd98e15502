package dev.apigw.samples.chat;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** {@code sendMessage}: broadcasts {@code {"from": …, "text": …}} to everyone in the room through @connections. */
public class SendMessageHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> request = (Map<String, Object>) event.get("requestContext");
        ChatRoom room = ChatRoom.of(request);
        String from = room.nameOf((String) request.get("connectionId")).orElse("someone");
        ObjectNode message = JSON.createObjectNode().put("from", from).put("text", text(event));
        SdkBytes data = SdkBytes.fromUtf8String(message.toString());
        try (ApiGatewayManagementApiClient connections = ChatRoom.connections(request)) {
            for (String member : room.connectionIds()) {
                try {
                    connections.postToConnection(b -> b.connectionId(member).data(data));
                } catch (GoneException e) {
                    room.leave(member);
                }
            }
        }
        return Map.of("statusCode", 200);
    }

    private static String text(Map<String, Object> event) {
        try {
            JsonNode body = JSON.readTree(String.valueOf(event.get("body")));
            return body.path("text").asText("");
        } catch (Exception e) {
            return "";
        }
    }
}
