package dev.apigw.emulator.auth;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the authorize stage decided: go on with an identity, or answer the client now with AWS's exact response. */
public sealed interface AuthorizationResult {

    /**
     * The request may proceed.
     *
     * @param fromAuthorizer false when the method has no Lambda authorizer (then everything else is empty)
     * @param principalId the authorizer's {@code principalId}; null when it gave none
     * @param context the authorizer's {@code context}, every value stringified as AWS does, in the order returned
     * @param usageIdentifierKey the API key value for {@code apiKeySource: AUTHORIZER}
     */
    record Allowed(
            boolean fromAuthorizer,
            @Nullable String principalId,
            Map<String, String> context,
            @Nullable String usageIdentifierKey) implements AuthorizationResult {
        static final Allowed NO_AUTHORIZER = new Allowed(false, null, Map.of(), null);

        public Allowed {
            context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }

    /**
     * The gateway answers without calling the integration.
     *
     * @param responseType the gateway response type ({@code UNAUTHORIZED}, {@code ACCESS_DENIED},
     *     {@code AUTHORIZER_CONFIGURATION_ERROR}), for APIs that customise it
     * @param status the default status
     * @param message {@code $context.error.message}; null for AUTHORIZER_CONFIGURATION_ERROR
     * @param body the default body, exactly as AWS sends it ({@code application/json})
     * @param errorType the {@code x-amzn-ErrorType} header value
     * @param detail why, for the log
     */
    record Denied(
            String responseType, int status, @Nullable String message, String body, String errorType, String detail)
            implements AuthorizationResult {
        public Denied {
            requireNonNull(responseType, "responseType");
            requireNonNull(body, "body");
            requireNonNull(errorType, "errorType");
            requireNonNull(detail, "detail");
        }

        /** 401 UNAUTHORIZED: identity source missing or invalid, or the function failed with "Unauthorized" [K]. */
        static Denied unauthorized(String detail) {
            return new Denied("UNAUTHORIZED", 401, "Unauthorized", "{\"message\":\"Unauthorized\"}",
                    "UnauthorizedException", detail);
        }

        /** 403 ACCESS_DENIED for a matching Deny statement; note the capital {@code Message} key [K curl capture]. */
        static Denied explicitDeny(String detail) {
            String message = "User is not authorized to access this resource with an explicit deny";
            return new Denied("ACCESS_DENIED", 403, message, "{\"Message\":\"" + message + "\"}",
                    "AccessDeniedException", detail);
        }

        /** 403 ACCESS_DENIED when no Allow statement covers the method ARN [K]. */
        static Denied implicitDeny(String detail) {
            String message = "User is not authorized to access this resource";
            return new Denied("ACCESS_DENIED", 403, message, "{\"Message\":\"" + message + "\"}",
                    "AccessDeniedException", detail);
        }

        /** 500 AUTHORIZER_CONFIGURATION_ERROR: function error or output API Gateway cannot read [K][L]. */
        static Denied configurationError(String detail) {
            return new Denied("AUTHORIZER_CONFIGURATION_ERROR", 500, null, "{\"message\":null}",
                    "AuthorizerConfigurationException", detail);
        }
    }
}
