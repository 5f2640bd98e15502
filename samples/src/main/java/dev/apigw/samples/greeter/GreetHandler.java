package dev.apigw.samples.greeter;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** {@code GET /hello/{name}} on an HTTP API (payload 2.0): a greeting, with a cookie remembering the name. */
public class GreetHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String name = event.getPathParameters().get("name");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withCookies(java.util.List.of("last-greeted=" + name + "; Path=/"))
                .withBody("{\"message\":\"Hello, " + name + "!\"}")
                .build();
    }
}
