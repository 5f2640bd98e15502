package dev.apigw.emulator.response;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A short-circuit of the pipeline: a stage could not go on, and the client gets the API's gateway
 * response for {@link #error()}. Only stages throw it and only {@code Gateway.handle} catches it.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final GatewayError error;
    /** Null when AWS's message is null, as for an authorizer configuration error. */
    private final @Nullable String clientMessage;
    private final @Nullable String validationErrorString;
    private final String detail;
    private final @Nullable DefaultAnswer defaultAnswer;

    /**
     * The exact answer AWS gives for this error when the API has not customised its gateway response — for refusals
     * whose default body is not the usual {@code {"message": …}} (an authorizer's {@code {"Message": …}}, a throttle).
     */
    public record DefaultAnswer(int status, String body, @Nullable String errorType, Map<String, String> headers) {
        public DefaultAnswer {
            headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        }

        public DefaultAnswer(int status, String body, @Nullable String errorType) {
            this(status, body, errorType, Map.of());
        }
    }

    /** @param detail for the log only; never shown to the client */
    public GatewayException(GatewayError error, String detail) {
        this(error, detail, error.restMessage());
    }

    /**
     * For the few errors whose message AWS fills in per request.
     *
     * @param clientMessage the message the client sees in place of the error's default one
     */
    public GatewayException(GatewayError error, String detail, @Nullable String clientMessage) {
        this(error, detail, clientMessage, (String) null);
    }

    /** @param validationErrorString {@code $context.error.validationErrorString} of a request validation failure */
    public GatewayException(GatewayError error, String detail, @Nullable String clientMessage,
            @Nullable String validationErrorString) {
        super(error + ": " + detail, null, false, false);
        this.error = requireNonNull(error, "error");
        this.detail = detail;
        this.clientMessage = clientMessage;
        this.validationErrorString = validationErrorString;
        this.defaultAnswer = null;
    }

    /** A refusal with AWS's own default answer (see {@link DefaultAnswer}). */
    public GatewayException(GatewayError error, String detail, @Nullable String clientMessage,
            DefaultAnswer defaultAnswer) {
        super(error + ": " + detail, null, false, false);
        this.error = requireNonNull(error, "error");
        this.detail = detail;
        this.clientMessage = clientMessage;
        this.validationErrorString = null;
        this.defaultAnswer = requireNonNull(defaultAnswer, "defaultAnswer");
    }

    public @Nullable DefaultAnswer defaultAnswer() {
        return defaultAnswer;
    }

    public GatewayError error() {
        return error;
    }

    /** What went wrong, for the log and the request journal; never shown to the client. */
    public String detail() {
        return detail;
    }

    public @Nullable String validationErrorString() {
        return validationErrorString;
    }

    /** {@code $context.error.message}: what the client is told. */
    public @Nullable String clientMessage() {
        return clientMessage;
    }
}
