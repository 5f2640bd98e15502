package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;

/** A REST API proxy integration handler (payload 1.0) that echoes what it read from the event. */
public class ProxyHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String body = event.getHttpMethod() + " " + event.getPath()
                + " accept=" + event.getMultiValueHeaders().get("Accept")
                + " base64=" + event.getIsBase64Encoded() + " requestId=" + event.getRequestContext().getRequestId();
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
