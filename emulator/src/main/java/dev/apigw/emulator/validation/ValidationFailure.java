package dev.apigw.emulator.validation;

import static java.util.Objects.requireNonNull;

/**
 * Why a request validator rejected a request: the gateway response type to send, the message the client sees
 * ({@code $context.error.message}) and {@code $context.error.validationErrorString}.
 */
public record ValidationFailure(Kind kind, String message, String validationErrorString) {

    /** The gateway response type the failure maps to; both default to 400. */
    public enum Kind {
        BAD_REQUEST_PARAMETERS,
        BAD_REQUEST_BODY
    }

    public ValidationFailure {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
        requireNonNull(validationErrorString, "validationErrorString");
    }
}
