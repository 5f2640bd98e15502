package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code x-amazon-apigateway-integration.responses}: a selection pattern (a regular
 * expression, or {@code default}) and the method response it selects.
 */
public record IntegrationResponse(
        String selectionPattern,
        String statusCode,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        @Nullable ContentHandling contentHandling) {

    public static final String DEFAULT_PATTERN = "default";

    public IntegrationResponse {
        requireNonNull(selectionPattern, "selectionPattern");
        requireNonNull(statusCode, "statusCode");
        responseParameters = Map.copyOf(responseParameters);
        responseTemplates = Map.copyOf(responseTemplates);
    }

    public boolean isDefault() {
        return selectionPattern.equals(DEFAULT_PATTERN);
    }
}
