package dev.apigw.emulator.exchange;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Unpredictable bytes for request ids (issue 9: one client must not guess another's id). {@code ThreadLocalRandom}
 * would not do: one id reveals its generator's state. {@code UUID.randomUUID()} would, but all threads share its one
 * SecureRandom and lock. So each request thread has its own DRBG (NIST SP 800-90A, seeded from the operating
 * system's entropy when the thread first needs it), and takes its bytes 512 at a time: one generator call costs about
 * as much as a whole event build (issue 8), and handing out unused bytes from a thread's own buffer keeps them just as
 * unpredictable. Bytes are never handed out twice.
 */
final class RequestIdRandom {
    private static final int BATCH_BYTES = 512;
    private static final ThreadLocal<RequestIdRandom> PER_THREAD = ThreadLocal.withInitial(RequestIdRandom::new);

    private final SecureRandom generator = newGenerator();
    private final byte[] batch = new byte[BATCH_BYTES];
    private int next = BATCH_BYTES;

    private RequestIdRandom() {}

    /** {@code count} fresh random bytes (at most 512) from this thread's generator. */
    static byte[] bytes(int count) {
        return PER_THREAD.get().take(count);
    }

    private byte[] take(int count) {
        if (count > BATCH_BYTES) {
            throw new IllegalArgumentException("at most " + BATCH_BYTES + " bytes at a time, not " + count);
        }
        if (next + count > BATCH_BYTES) {
            generator.nextBytes(batch);
            next = 0;
        }
        byte[] bytes = new byte[count];
        System.arraycopy(batch, next, bytes, 0, count);
        // Handed-out bytes are wiped so that they exist only in the caller's copy.
        Arrays.fill(batch, next, next + count, (byte) 0);
        next += count;
        return bytes;
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
