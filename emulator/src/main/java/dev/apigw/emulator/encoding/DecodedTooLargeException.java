package dev.apigw.emulator.encoding;

/** A compressed request body that expands past the payload limit; the front end answers it as any body over it. */
public final class DecodedTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int limitBytes;

    DecodedTooLargeException(int limitBytes) {
        super("the decompressed request body is over the payload limit of " + limitBytes + " bytes", null, false,
                false);
        this.limitBytes = limitBytes;
    }

    public int limitBytes() {
        return limitBytes;
    }
}
