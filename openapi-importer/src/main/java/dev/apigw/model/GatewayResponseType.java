package dev.apigw.model;

import org.jspecify.annotations.Nullable;

/** API Gateway's gateway response types with their default status codes (REST APIs). */
public enum GatewayResponseType {
    ACCESS_DENIED(403),
    API_CONFIGURATION_ERROR(500),
    AUTHORIZER_CONFIGURATION_ERROR(500),
    AUTHORIZER_FAILURE(500),
    BAD_REQUEST_PARAMETERS(400),
    BAD_REQUEST_BODY(400),
    DEFAULT_4XX(null),
    DEFAULT_5XX(null),
    EXPIRED_TOKEN(403),
    INTEGRATION_FAILURE(504),
    INTEGRATION_TIMEOUT(504),
    INVALID_API_KEY(403),
    INVALID_SIGNATURE(403),
    MISSING_AUTHENTICATION_TOKEN(403),
    QUOTA_EXCEEDED(429),
    REQUEST_TOO_LARGE(413),
    RESOURCE_NOT_FOUND(404),
    THROTTLED(429),
    UNAUTHORIZED(401),
    UNSUPPORTED_MEDIA_TYPE(415),
    WAF_FILTERED(403);

    private final @Nullable Integer defaultStatus;

    GatewayResponseType(@Nullable Integer defaultStatus) {
        this.defaultStatus = defaultStatus;
    }

    /** The status AWS uses when the API does not customise it; null for DEFAULT_4XX / DEFAULT_5XX. */
    public @Nullable Integer defaultStatus() {
        return defaultStatus;
    }

    public static GatewayResponseType fromSpec(String value) {
        return SpecEnums.parse(GatewayResponseType.class, value, "");
    }
}
