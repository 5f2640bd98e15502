package dev.apigw.lambda.java;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Collects a handler's response payload up to Lambda's response size limit, and only counts what comes after it:
 * Lambda fails such an invocation with {@code Function.ResponseSizeTooLarge} whatever the size, so a handler that
 * writes gigabytes costs no more memory than one that writes just over the limit. Writes never fail, as the runtime's
 * own buffer never refuses them; the handler finishes and the invocation is failed afterwards.
 */
final class BoundedOutput extends OutputStream {
    private final int limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long count;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) {
        count++;
        if (count <= limit) {
            bytes.write(b);
        } else {
            discard();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        long before = count;
        count += len;
        if (count <= limit) {
            bytes.write(b, off, len);
        } else if (before <= limit) {
            discard();
        }
    }

    /** Past the limit nothing collected is wanted any more. */
    private void discard() {
        if (bytes.size() > 0) {
            bytes = new ByteArrayOutputStream(0);
        }
    }

    /** Whether the handler wrote more than the limit. */
    boolean overflowed() {
        return count > limit;
    }

    /** The payload; empty once it overflowed. */
    byte[] toByteArray() {
        return overflowed() ? new byte[0] : bytes.toByteArray();
    }

    @Override
    public String toString() {
        return "BoundedOutput[" + count + " of " + limit + " bytes]";
    }
}
