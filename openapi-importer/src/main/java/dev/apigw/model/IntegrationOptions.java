package dev.apigw.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings of {@code x-amazon-apigateway-integration} that every integration kind carries, read
 * completely even where a kind does not use them (AWS stores them all).
 *
 * @param httpMethod the integration's own HTTP method ({@code httpMethod}), as written
 * @param requestParameters {@code integration.request.*} → source expression
 * @param requestTemplates content type → Velocity template
 * @param responses integration responses in document order
 * @param httpResponseParameters HTTP API response parameter mapping, keyed by status code
 * @param timeoutInMillis integration timeout
 */
public record IntegrationOptions(
        @Nullable String httpMethod,
        @Nullable String credentials,
        ConnectionType connectionType,
        @Nullable String connectionId,
        Map<String, String> requestParameters,
        Map<String, String> requestTemplates,
        PassthroughBehavior passthroughBehavior,
        @Nullable ContentHandling contentHandling,
        int timeoutInMillis,
        List<String> cacheKeyParameters,
        @Nullable String cacheNamespace,
        List<IntegrationResponse> responses,
        Map<String, Map<String, String>> httpResponseParameters,
        boolean insecureSkipVerification) {

    /** API Gateway's default integration timeout for REST APIs (29 s). */
    public static final int DEFAULT_REST_TIMEOUT_MILLIS = 29_000;

    /** API Gateway's default integration timeout for HTTP APIs (30 s). */
    public static final int DEFAULT_HTTP_TIMEOUT_MILLIS = 30_000;

    public IntegrationOptions {
        requestParameters = Map.copyOf(requestParameters);
        requestTemplates = Map.copyOf(requestTemplates);
        cacheKeyParameters = List.copyOf(cacheKeyParameters);
        responses = List.copyOf(responses);
        httpResponseParameters = Map.copyOf(httpResponseParameters);
        if (timeoutInMillis < 50) {
            throw new IllegalArgumentException("timeoutInMillis must be at least 50, was " + timeoutInMillis);
        }
    }

    /** Options as AWS defaults them, for integrations built in code. */
    public static IntegrationOptions defaults(int timeoutInMillis) {
        return new IntegrationOptions(null, null, ConnectionType.INTERNET, null, Map.of(), Map.of(),
                PassthroughBehavior.WHEN_NO_MATCH, null, timeoutInMillis, List.of(), null, List.of(), Map.of(), false);
    }
}
