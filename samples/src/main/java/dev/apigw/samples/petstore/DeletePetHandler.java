package dev.apigw.samples.petstore;

import java.util.Map;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * {@code DELETE /pets/{id}}: removes a pet. API Gateway has already checked the API key and the user pool token
 * (with the {@code petstore/admin} scope), so the handler only reads who the caller is from the token's claims.
 */
public class DeletePetHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String id = event.getPathParameters().get("id");
        Object claims = event.getRequestContext().getAuthorizer().get("claims");
        Object caller = claims instanceof Map<?, ?> map ? map.get("sub") : null;
        return PetStore.remove(id)
                .map(pet -> Json.response(200, Map.of("deleted", pet, "deletedBy", String.valueOf(caller))))
                .orElseGet(() -> Json.error(404, "no pet with id " + id));
    }
}
