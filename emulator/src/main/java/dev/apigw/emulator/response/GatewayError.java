package dev.apigw.emulator.response;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.apigw.model.GatewayResponseType;
import org.jspecify.annotations.Nullable;

/**
 * Every error the gateway itself produces, with AWS's defaults for REST APIs (a gateway response type,
 * status, message and {@code x-amzn-ErrorType}) and for HTTP APIs (fixed status and body).
 */
public enum GatewayError {
    /** REST APIs answer unknown paths and methods with 403 Missing Authentication Token, HTTP APIs with 404. */
    ROUTE_NOT_FOUND(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, 403, "Missing Authentication Token", false,
            "MissingAuthenticationTokenException", 404, "Not Found"),
    /** A Lambda proxy function error or a malformed proxy result: REST 502, HTTP API 500. */
    LAMBDA_PROXY_FAILURE(GatewayResponseType.DEFAULT_5XX, 502, "Internal server error", true,
            "InternalServerErrorException", 500, "Internal Server Error"),
    /** An HTTP backend that cannot be reached. */
    INTEGRATION_FAILURE(GatewayResponseType.INTEGRATION_FAILURE, 500, "Internal server error", true,
            "InternalServerErrorException", 500, "Internal Server Error"),
    INTEGRATION_TIMEOUT(GatewayResponseType.INTEGRATION_TIMEOUT, 504, "Endpoint request timed out", true,
            "InternalServerErrorException", 503, "Service Unavailable"),
    /** A misconfigured method (e.g. a Lambda proxy integration with httpMethod GET). */
    API_CONFIGURATION_ERROR(GatewayResponseType.API_CONFIGURATION_ERROR, 500, "Internal server error", true,
            "InternalServerErrorException", 500, "Internal Server Error"),
    /** No request template matches the request's Content-Type and passthrough is not allowed (AWS-REFERENCE 5.1). */
    UNSUPPORTED_MEDIA_TYPE(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported Media Type", false,
            "BadRequestException", 415, "Unsupported Media Type"),
    /** A Lambda authorizer (or a missing identity source) refused the caller (AWS-REFERENCE 8). */
    UNAUTHORIZED(GatewayResponseType.UNAUTHORIZED, 401, "Unauthorized", false,
            "UnauthorizedException", 401, "Unauthorized"),
    /** The authorizer's policy does not allow the method; AWS's default body uses a capital "Message" (7). */
    ACCESS_DENIED(GatewayResponseType.ACCESS_DENIED, 403, "User is not authorized to access this resource", false,
            "AccessDeniedException", 403, "Forbidden"),
    /** The authorizer failed or answered something that is not an authorizer response. */
    AUTHORIZER_CONFIGURATION_ERROR(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR, 500, null, false,
            "AuthorizerConfigurationException", 500, "Internal Server Error"),
    /** An {@code AWS_IAM} route called without a SigV4 signature (AWS-REFERENCE 8.7). */
    MISSING_AUTHENTICATION_TOKEN(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, 403, "Missing Authentication Token",
            false, "MissingAuthenticationTokenException", 403, "Forbidden"),
    /**
     * A SigV4 signature that does not verify or has a bad credential scope (AWS-REFERENCE 8.7). The default message
     * is how every captured answer starts; for a signature mismatch AWS appends the canonical request and string to
     * sign it expected [K e.g. aws-samples/sigv4-signing-examples#14, postmanlabs/postman-app-support#5815].
     */
    INVALID_SIGNATURE(GatewayResponseType.INVALID_SIGNATURE, 403, "The request signature we calculated does not match"
            + " the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.", false, "InvalidSignatureException", 403, "Forbidden"),
    /**
     * A SigV4 signature with parts missing or malformed, e.g. {@code Authorization header requires 'Credential'
     * parameter. ...} [K aws/chalice#828, serverless/serverless#3205]. AWS lets the MISSING_AUTHENTICATION_TOKEN
     * gateway response customise these answers [K amazon-archives/aws-cognito-angular-quickstart#50].
     */
    INCOMPLETE_SIGNATURE(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN, 403, "Incomplete signature", false,
            "IncompleteSignatureException", 403, "Forbidden"),
    /**
     * A SigV4 signature older (or newer) than the 5-minute clock skew allows; AWS fills in the times, e.g.
     * {@code Signature expired: 20160117T015330Z is now earlier than 20160117T015332Z (20160117T015832Z - 5 min.)}
     * [K LilyBin/LilyBin#72, serverless/serverless#27] (AWS-REFERENCE 8.7).
     */
    EXPIRED_TOKEN(GatewayResponseType.EXPIRED_TOKEN, 403, "Signature expired", false,
            "InvalidSignatureException", 403, "Forbidden"),
    /** An API key is missing, unknown or not in a plan for this stage (AWS-REFERENCE 8.8). */
    INVALID_API_KEY(GatewayResponseType.INVALID_API_KEY, 403, "Forbidden", false,
            "ForbiddenException", 403, "Forbidden"),
    THROTTLED(GatewayResponseType.THROTTLED, 429, "Too Many Requests", false,
            "TooManyRequestsException", 429, "Too Many Requests"),
    QUOTA_EXCEEDED(GatewayResponseType.QUOTA_EXCEEDED, 429, "Limit Exceeded", false,
            "LimitExceededException", 429, "Too Many Requests"),
    /** A request validator found required parameters missing; the message lists them (AWS-REFERENCE 9). */
    BAD_REQUEST_PARAMETERS(GatewayResponseType.BAD_REQUEST_PARAMETERS, 400, "Missing required request parameters", true,
            "BadRequestException", 400, "Bad Request"),
    /** A request validator found the body invalid for its model (AWS-REFERENCE 9). */
    BAD_REQUEST_BODY(GatewayResponseType.BAD_REQUEST_BODY, 400, "Invalid request body", true,
            "BadRequestException", 400, "Bad Request"),
    /** A parameter mapping reads the body as JSON and it is not JSON (AWS-REFERENCE 5.4). */
    INVALID_JSON_BODY(GatewayResponseType.BAD_REQUEST_BODY, 400, "Invalid JSON in request body", false,
            "BadRequestException", 400, "Bad Request"),
    /** A Lambda custom integration's payload that is not JSON; the message gets the parser's reason appended. */
    LAMBDA_PAYLOAD_NOT_JSON(GatewayResponseType.BAD_REQUEST_BODY, 400, "Could not parse request body into json", true,
            "BadRequestException", 400, "Bad Request"),
    /**
     * A Lambda proxy request whose event is over Lambda's 6 MB synchronous payload limit. REST: 413
     * {@code {"message": "Request Too Long"}} with {@code BadRequestException} (a capture in
     * koki-develop/lgtm-generator#10). HTTP APIs: 413 with the reason phrase, a best guess (no capture found).
     */
    LAMBDA_REQUEST_TOO_LONG(GatewayResponseType.REQUEST_TOO_LARGE, 413, "Request Too Long", true,
            "BadRequestException", 413, "Request Entity Too Large"),
    /** The last resort when apigw itself fails: the client still gets AWS's generic 500. */
    INTERNAL_ERROR(GatewayResponseType.DEFAULT_5XX, 500, "Internal server error", true,
            "InternalServerErrorException", 500, "Internal Server Error");

    private final GatewayResponseType responseType;
    private final int restStatus;
    /** Null for the one error whose message AWS leaves null ({@code {"message":null}}). */
    private final @Nullable String restMessage;
    private final boolean spacedBody;
    private final @Nullable String errorType;
    private final int httpApiStatus;
    private final String httpApiMessage;

    GatewayError(GatewayResponseType responseType, int restStatus, @Nullable String restMessage, boolean spacedBody,
            @Nullable String errorType, int httpApiStatus, String httpApiMessage) {
        this.responseType = responseType;
        this.restStatus = restStatus;
        this.restMessage = restMessage;
        this.spacedBody = spacedBody;
        this.errorType = errorType;
        this.httpApiStatus = httpApiStatus;
        this.httpApiMessage = httpApiMessage;
    }

    public GatewayResponseType responseType() {
        return responseType;
    }

    public int restStatus() {
        return restStatus;
    }

    public @Nullable String restMessage() {
        return restMessage;
    }

    /**
     * The body REST APIs send when the gateway response is not customised. Errors raised while calling the
     * integration come with a space after the colon ({@code {"message": "Internal server error"}}), those from
     * the gateway's own templates without ({@code {"message":"Missing Authentication Token"}}), as recorded on AWS.
     */
    public String restDefaultBody(@Nullable String message) {
        String quoted = jsonString(message);
        return spacedBody ? "{\"message\": " + quoted + "}" : "{\"message\":" + quoted + "}";
    }

    /** The message as a JSON value: a quoted, escaped string, or {@code null}. */
    static String jsonString(@Nullable String message) {
        return message == null ? "null"
                : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"";
    }

    public String httpApiBody() {
        return "{\"message\":\"" + httpApiMessage + "\"}";
    }

    public @Nullable String errorType() {
        return errorType;
    }

    public int httpApiStatus() {
        return httpApiStatus;
    }

    public String httpApiMessage() {
        return httpApiMessage;
    }
}
