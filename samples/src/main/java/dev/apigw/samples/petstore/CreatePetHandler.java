package dev.apigw.samples.petstore;

import java.io.IOException;
import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /pets} with {@code {"name": …, "type": …}}: adds a pet, 201 with its location. */
public class CreatePetHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event.getBody() == null) {
            return Json.error(400, "a pet needs a body: {\"name\": …, \"type\": …}");
        }
        try {
            JsonNode body = Json.MAPPER.readTree(event.getBody());
            if (!body.hasNonNull("name") || !body.hasNonNull("type")) {
                return Json.error(400, "a pet needs a name and a type");
            }
            Pet pet = PetStore.add(body.get("name").asText(), body.get("type").asText());
            APIGatewayProxyResponseEvent response = Json.response(201, pet);
            response.setHeaders(Map.of("Content-Type", "application/json",
                    "Location", event.getRequestContext().getPath() + "/" + pet.id()));
            return response;
        } catch (IOException e) {
            return Json.error(400, "the body is not JSON");
        }
    }
}
