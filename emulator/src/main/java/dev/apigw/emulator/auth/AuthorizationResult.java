package dev.apigw.emulator.auth;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.exchange.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the authorize stage decided: go on with an identity, or answer the client now with AWS's exact response. */
public sealed interface AuthorizationResult {

    /**
     * The request may proceed.
     *
     * @param principal who was let in ({@link Principal#ANONYMOUS} when the route has no authorization)
     * @param usageIdentifierKey a Lambda authorizer's API key value, for {@code apiKeySource: AUTHORIZER}
     */
    record Allowed(Principal principal, @Nullable String usageIdentifierKey) implements AuthorizationResult {
        public static final Allowed ANONYMOUS = new Allowed(Principal.ANONYMOUS, null);

        public Allowed {
            requireNonNull(principal, "principal");
        }
    }

    /**
     * The gateway answers without calling the integration.
     *
     * @param responseType the {@link dev.apigw.emulator.response.GatewayError} name ({@code UNAUTHORIZED},
     *     {@code ACCESS_DENIED}, ...), the gateway response type REST APIs may customise
     * @param status the default status
     * @param message {@code $context.error.message}; null for AUTHORIZER_CONFIGURATION_ERROR
     * @param body the default body, exactly as AWS sends it ({@code application/json})
     * @param errorType the {@code x-amzn-ErrorType} header value; null on HTTP APIs, which send none
     * @param headers further headers of the answer, e.g. a JWT authorizer's {@code www-authenticate}
     * @param detail why, for the log
     */
    record Denied(String responseType, int status, @Nullable String message, String body, @Nullable String errorType,
            Map<String, String> headers, String detail) implements AuthorizationResult {
        public Denied {
            requireNonNull(responseType, "responseType");
            requireNonNull(body, "body");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            requireNonNull(detail, "detail");
        }

        public Denied(String responseType, int status, @Nullable String message, String body,
                @Nullable String errorType, String detail) {
            this(responseType, status, message, body, errorType, Map.of(), detail);
        }

        /** 401 UNAUTHORIZED: identity source missing or invalid, or the function failed with "Unauthorized" [K]. */
        public static Denied unauthorized(String detail) {
            return new Denied("UNAUTHORIZED", 401, "Unauthorized", "{\"message\":\"Unauthorized\"}",
                    "UnauthorizedException", detail);
        }

        /** 403 ACCESS_DENIED for a matching Deny statement; note the capital {@code Message} key [K curl capture]. */
        public static Denied explicitDeny(String detail) {
            String message = "User is not authorized to access this resource with an explicit deny";
            return new Denied("ACCESS_DENIED", 403, message, "{\"Message\":\"" + message + "\"}",
                    "AccessDeniedException", detail);
        }

        /** 403 ACCESS_DENIED when no Allow statement covers the method ARN [K]. */
        public static Denied implicitDeny(String detail) {
            String message = "User is not authorized to access this resource";
            return new Denied("ACCESS_DENIED", 403, message, "{\"Message\":\"" + message + "\"}",
                    "AccessDeniedException", detail);
        }

        /** 500 AUTHORIZER_CONFIGURATION_ERROR: function error or output API Gateway cannot read [K][L]. */
        public static Denied configurationError(String detail) {
            return new Denied("AUTHORIZER_CONFIGURATION_ERROR", 500, null, "{\"message\":null}",
                    "AuthorizerConfigurationException", detail);
        }

        /** HTTP APIs: 401 {@code {"message":"Unauthorized"}}, with extra headers such as {@code www-authenticate}. */
        public static Denied httpUnauthorized(Map<String, String> headers, String detail) {
            return new Denied("UNAUTHORIZED", 401, "Unauthorized", "{\"message\":\"Unauthorized\"}", null, headers,
                    detail);
        }

        /** HTTP APIs: 403 {@code {"message":"Forbidden"}} (an authorizer said no, or a policy did not allow). */
        public static Denied httpForbidden(Map<String, String> headers, String detail) {
            return new Denied("ACCESS_DENIED", 403, "Forbidden", "{\"message\":\"Forbidden\"}", null, headers,
                    detail);
        }

        /** HTTP APIs: 500 {@code {"message":"Internal Server Error"}} when the authorizer fails or answers badly. */
        public static Denied httpConfigurationError(String detail) {
            return new Denied("AUTHORIZER_CONFIGURATION_ERROR", 500, "Internal Server Error",
                    "{\"message\":\"Internal Server Error\"}", null, detail);
        }
    }
}
