package dev.apigw.emulator.lambdaapi;

import java.util.Arrays;
import java.util.Optional;

/** The {@code X-Amz-Invocation-Type} header's values [D Invoke API reference]. */
public enum InvocationType {
    /** Synchronous: 200 with the function's response (the default). */
    REQUEST_RESPONSE("RequestResponse"),
    /** Asynchronous: 202 with an empty body; the function runs after the answer. */
    EVENT("Event"),
    /** Only checks that the caller may invoke the function: 204, the function does not run. */
    DRY_RUN("DryRun");

    private final String headerValue;

    InvocationType(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /** @return empty for a value Lambda does not know; a missing header means {@link #REQUEST_RESPONSE} */
    public static Optional<InvocationType> parse(String header) {
        return Arrays.stream(values()).filter(type -> type.headerValue.equals(header)).findFirst();
    }
}
