package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A declared method response: status code, declared headers ({@code method.response.header.X} →
 * required) and models per content type (content type → model name).
 */
public record MethodResponse(String statusCode, Map<String, Boolean> headers, Map<String, String> models) {
    public MethodResponse {
        requireNonNull(statusCode, "statusCode");
        headers = Map.copyOf(headers);
        models = Map.copyOf(models);
    }
}
