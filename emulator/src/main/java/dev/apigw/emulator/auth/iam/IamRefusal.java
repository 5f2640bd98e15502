package dev.apigw.emulator.auth.iam;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.auth.AuthorizationResult;
import dev.apigw.emulator.response.GatewayError;
import java.util.Map;

/**
 * Why a request to an {@code AWS_IAM} route is refused, in AWS's words: the message is the client's
 * {@code $context.error.message}, the kind decides the gateway response and the {@code x-amzn-ErrorType}.
 */
record IamRefusal(Kind kind, String message) {

    /** The families of SigV4 failures API Gateway tells apart (AWS-REFERENCE 8.7). */
    enum Kind {
        /** Nothing on the request claims to be a SigV4 signature. */
        MISSING_AUTHENTICATION_TOKEN(GatewayError.MISSING_AUTHENTICATION_TOKEN),
        /** A signature whose parts are missing or malformed ({@code IncompleteSignatureException}). */
        INCOMPLETE_SIGNATURE(GatewayError.INCOMPLETE_SIGNATURE),
        /** A well-formed signature that does not verify, or a bad credential scope. */
        INVALID_SIGNATURE(GatewayError.INVALID_SIGNATURE),
        /** A signing time outside the allowed window. */
        EXPIRED(GatewayError.EXPIRED_TOKEN),
        /**
         * An access key the gateway does not know. AWS's 403 troubleshooting article lists it under "Access denied"
         * with {@code x-amzn-errortype = AccessDeniedException} [K repost.aws api-gateway-troubleshoot-403-forbidden].
         */
        UNKNOWN_ACCESS_KEY(GatewayError.ACCESS_DENIED);

        private final GatewayError error;

        Kind(GatewayError error) {
            this.error = error;
        }

        GatewayError error() {
            return error;
        }
    }

    IamRefusal {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
    }

    static IamRefusal missingAuthenticationToken() {
        return new IamRefusal(Kind.MISSING_AUTHENTICATION_TOKEN, GatewayError.MISSING_AUTHENTICATION_TOKEN.restMessage());
    }

    static IamRefusal incomplete(String message) {
        return new IamRefusal(Kind.INCOMPLETE_SIGNATURE, message);
    }

    static IamRefusal invalid(String message) {
        return new IamRefusal(Kind.INVALID_SIGNATURE, message);
    }

    static IamRefusal expired(String message) {
        return new IamRefusal(Kind.EXPIRED, message);
    }

    static IamRefusal unknownAccessKey() {
        return new IamRefusal(Kind.UNKNOWN_ACCESS_KEY, "The security token included in the request is invalid.");
    }

    /**
     * REST APIs: 403 with {@code {"message":"..."}} (lower-case key, no spaces, as in every capture of these answers,
     * e.g. {@code {"message":"The security token included in the request is invalid."}} [K]) and the
     * {@code x-amzn-ErrorType} of the kind; the API may customise the gateway response.
     */
    AuthorizationResult.Denied restAnswer() {
        GatewayError error = kind.error();
        return new AuthorizationResult.Denied(error.name(), 403, message,
                error.restDefaultBody(message), error.errorType(), Map.of(),
                "AWS_IAM: " + message);
    }

    /**
     * HTTP APIs answer every IAM refusal with their fixed 403 {@code {"message":"Forbidden"}} and no error type
     * [K aws/aws-cdk#21182 for a signed caller without permission; the SigV4 failure cases are unconfirmed]. The
     * reason AWS would give a REST client goes to the log, where a developer can see it.
     */
    AuthorizationResult.Denied httpApiAnswer() {
        return AuthorizationResult.Denied.httpForbidden(Map.of(), "AWS_IAM: " + message);
    }
}
