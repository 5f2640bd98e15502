package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A security scheme carrying {@code x-amazon-apigateway-authorizer}.
 *
 * @param name the scheme's key in {@code securitySchemes} / {@code securityDefinitions}
 * @param function the authorizer function, resolved from {@code authorizerUri} (Lambda authorizers)
 * @param identitySource as written, e.g. {@code method.request.header.Authorization} or {@code $request.header.Authorization}
 * @param resultTtlInSeconds {@code authorizerResultTtlInSeconds}; when absent AWS's default: 300 on REST APIs, 0 (no
 *     caching) on HTTP and WebSocket APIs
 * @param authType {@code x-amazon-apigateway-authtype}
 */
public record Authorizer(
        String name,
        AuthorizerType type,
        @Nullable FunctionRef function,
        @Nullable String credentials,
        List<String> identitySource,
        @Nullable String identityValidationExpression,
        int resultTtlInSeconds,
        @Nullable PayloadFormatVersion payloadFormatVersion,
        boolean enableSimpleResponses,
        @Nullable JwtConfiguration jwtConfiguration,
        List<String> providerArns,
        @Nullable String authType) {

    public Authorizer {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        identitySource = List.copyOf(identitySource);
        providerArns = List.copyOf(providerArns);
        if (resultTtlInSeconds < 0 || resultTtlInSeconds > 3600) {
            throw new IllegalArgumentException("authorizerResultTtlInSeconds must be 0..3600, was " + resultTtlInSeconds);
        }
    }
}
