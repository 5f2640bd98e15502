package dev.apigw.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customised gateway response ({@code x-amazon-apigateway-gateway-responses} entry). Fields not
 * given revert to the type's defaults, as PutGatewayResponse does.
 *
 * @param statusCode the status as written (a string in the extension), or null for the default
 * @param responseParameters {@code gatewayresponse.header.X} → source
 * @param responseTemplates content type → template
 */
public record GatewayResponse(
        @Nullable String statusCode, Map<String, String> responseParameters, Map<String, String> responseTemplates) {
    public GatewayResponse {
        responseParameters = Map.copyOf(responseParameters);
        responseTemplates = Map.copyOf(responseTemplates);
    }
}
