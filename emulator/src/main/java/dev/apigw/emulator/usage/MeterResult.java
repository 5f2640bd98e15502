package dev.apigw.emulator.usage;

import org.jspecify.annotations.Nullable;

/** The outcome of {@link UsageMeter#admit}: the request may go on, or API Gateway answers it with a gateway response. */
public sealed interface MeterResult {

    /** The request passed; {@code apiKey}/{@code apiKeyId} feed {@code $context.identity.apiKey}/{@code apiKeyId}. */
    record Admitted(@Nullable String apiKey, @Nullable String apiKeyId) implements MeterResult {
        static final Admitted ANONYMOUS = new Admitted(null, null);
    }

    /**
     * The request is refused with AWS's default gateway response: {@code responseType} names it so a customised
     * {@code x-amazon-apigateway-gateway-responses} entry can replace status and body.
     */
    record Refused(String responseType, int status, String body, String errorType) implements MeterResult {
        public static final Refused INVALID_API_KEY =
                new Refused("INVALID_API_KEY", 403, "{\"message\":\"Forbidden\"}", "ForbiddenException");
        public static final Refused THROTTLED =
                new Refused("THROTTLED", 429, "{\"message\":\"Too Many Requests\"}", "TooManyRequestsException");
        public static final Refused QUOTA_EXCEEDED =
                new Refused("QUOTA_EXCEEDED", 429, "{\"message\":\"Limit Exceeded\"}", "LimitExceededException");
    }
}
