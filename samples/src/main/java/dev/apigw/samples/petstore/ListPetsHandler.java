package dev.apigw.samples.petstore;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** {@code GET /pets?limit=N}: lists pets (Lambda proxy integration, REST payload 1.0). */
public class ListPetsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, String> query = event.getQueryStringParameters();
        String limit = query == null ? null : query.get("limit");
        try {
            int max = limit == null ? 100 : Integer.parseInt(limit);
            context.getLogger().log("listing up to " + max + " pets");
            return Json.response(200, PetStore.list(max));
        } catch (NumberFormatException e) {
            return Json.error(400, "limit must be a number");
        }
    }
}
