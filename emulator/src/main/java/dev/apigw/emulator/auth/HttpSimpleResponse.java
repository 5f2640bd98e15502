package dev.apigw.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP API Lambda authorizer's simple response ({@code enableSimpleResponses}, payload 2.0):
 * {@code {"isAuthorized": true|false, "context": {...}}}, the context holding any JSON values [D].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
record HttpSimpleResponse(boolean authorized, Map<String, Object> context) {

    HttpSimpleResponse {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /**
     * {@code isAuthorized} must be a JSON boolean: API Gateway answers 500 for output it cannot read [D], and a
     * string {@code "true"} or a missing flag is treated as such (unconfirmed — strict, so mistakes show locally).
     */
    static HttpSimpleResponse parse(byte[] payload) throws AuthorizerOutput.Malformed {
        JsonNode root = AuthorizerOutput.object(payload);
        JsonNode authorized = root.get("isAuthorized");
        if (authorized == null || !authorized.isBoolean()) {
            throw new AuthorizerOutput.Malformed("simple response needs \"isAuthorized\": true or false, got "
                    + (authorized == null ? "no isAuthorized" : authorized.toString()));
        }
        return new HttpSimpleResponse(authorized.booleanValue(),
                AuthorizerOutput.context(root.get("context"), AuthorizerOutput.ContextValues.ANY));
    }
}
