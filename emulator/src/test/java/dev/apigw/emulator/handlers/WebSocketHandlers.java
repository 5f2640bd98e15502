package dev.apigw.emulator.handlers;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** Small WebSocket route handlers, as a chat backend would have them. */
public final class WebSocketHandlers {
    private WebSocketHandlers() {}

    /** {@code $connect}: refuses clients that ask to be refused ({@code ?reject=yes}) with 403. */
    public static class Connect implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object query = event.get("queryStringParameters");
            boolean reject = query instanceof Map<?, ?> q && "yes".equals(q.get("reject"));
            return Map.of("statusCode", reject ? 403 : 200);
        }
    }

    /** {@code $default} with a route response: echoes the message body. */
    public static class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("statusCode", 200, "body", "echo: " + event.get("body"));
        }
    }

    /** {@code push}: posts back to its own connection through @connections, as deployed chat handlers do. */
    public static class Push implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            @SuppressWarnings("unchecked")
            Map<String, Object> request = (Map<String, Object>) event.get("requestContext");
            URI endpoint = URI.create("http://" + request.get("domainName") + "/" + request.get("stage"));
            try (ApiGatewayManagementApiClient client = managementClient(endpoint)) {
                client.postToConnection(b -> b.connectionId((String) request.get("connectionId"))
                        .data(SdkBytes.fromUtf8String("pushed: " + event.get("body"))));
            }
            return Map.of("statusCode", 200);
        }
    }

    /** {@code $default} with a route response: answers with the stage, the function's name and the message. */
    public static class StageEcho implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            Object request = event.get("requestContext");
            Object stage = request instanceof Map<?, ?> r ? r.get("stage") : null;
            return Map.of("statusCode", 200, "body", stage + " " + context.getFunctionName() + ": " + event.get("body"));
        }
    }

    /** {@code $disconnect}: remembers each disconnect event for the test to look at. */
    public static class Disconnect implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        public static final List<Map<String, Object>> EVENTS = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            EVENTS.add(event);
            return Map.of("statusCode", 200);
        }
    }

    public static ApiGatewayManagementApiClient managementClient(URI endpoint) {
        return ApiGatewayManagementApiClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
