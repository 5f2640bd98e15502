package dev.apigw.emulator.events;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where an event is written before it is copied out at its exact size: one buffer per thread, reused, so building an
 * event allocates the result and not a growing stream plus a copy (issue 8: that was a third of an event's
 * allocation). A buffer that grew past {@link #KEPT_BYTES} for a large body is dropped after use, so an idle thread
 * holds at most that much. It holds no data between uses: {@link #take} empties it.
 */
final class EventBuffer extends OutputStream {
    static final int KEPT_BYTES = 64 * 1024;

    private static final ThreadLocal<EventBuffer> PER_THREAD = ThreadLocal.withInitial(EventBuffer::new);

    private byte[] bytes = new byte[8 * 1024];
    private int size;
    private boolean inUse;

    private EventBuffer() {}

    /**
     * This thread's buffer, empty; a fresh one when the thread's buffer is already in use (an event built while
     * building another, which nothing does today, must not share it).
     */
    static EventBuffer acquire() {
        EventBuffer buffer = PER_THREAD.get();
        if (buffer.inUse) {
            return new EventBuffer();
        }
        buffer.inUse = true;
        buffer.size = 0;
        return buffer;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** The bytes written, at their exact length; the buffer is released for the next event. */
    byte[] take() {
        byte[] result = Arrays.copyOf(bytes, size);
        release();
        return result;
    }

    /** Releases the buffer without a result (the event failed). */
    void release() {
        size = 0;
        inUse = false;
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[8 * 1024];
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
