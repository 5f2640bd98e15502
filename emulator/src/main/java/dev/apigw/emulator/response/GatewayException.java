package dev.apigw.emulator.response;

import static java.util.Objects.requireNonNull;

/**
 * A short-circuit of the pipeline: a stage could not go on, and the client gets the API's gateway
 * response for {@link #error()}. Only stages throw it and only {@code Gateway.handle} catches it.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final GatewayError error;

    /** @param detail for the log only; never shown to the client */
    public GatewayException(GatewayError error, String detail) {
        super(error + ": " + detail, null, false, false);
        this.error = requireNonNull(error, "error");
    }

    public GatewayError error() {
        return error;
    }
}
