package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A REST API method: an HTTP method on a resource with its integration and method request settings.
 *
 * @param requestModels content type → model name of the request body
 * @param requestValidator the validator name in force ({@code x-amazon-apigateway-request-validator}), if any
 * @param security the operation's security requirements (root-level {@code security} is not applied, as on AWS)
 * @param authType {@code x-amazon-apigateway-auth.type} ({@code NONE} or {@code AWS_IAM}), if given
 */
public record Method(
        HttpMethod httpMethod,
        @Nullable String operationId,
        Integration integration,
        List<RequestParameter> requestParameters,
        Map<String, String> requestModels,
        boolean requestBodyRequired,
        Map<String, MethodResponse> responses,
        @Nullable String requestValidator,
        List<SecurityRequirement> security,
        boolean apiKeyRequired,
        @Nullable String authType) {

    public Method {
        requireNonNull(httpMethod, "httpMethod");
        requireNonNull(integration, "integration");
        requestParameters = List.copyOf(requestParameters);
        requestModels = Map.copyOf(requestModels);
        responses = Map.copyOf(responses);
        security = List.copyOf(security);
    }

    /** A method with only an integration, for APIs built in code. */
    public static Method of(HttpMethod httpMethod, Integration integration) {
        return new Method(httpMethod, null, integration, List.of(), Map.of(), false, Map.of(), null, List.of(), false, null);
    }
}
