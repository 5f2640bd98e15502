package dev.apigw.emulator.lambdaapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;

/**
 * The end of one invocation's log, for {@code X-Amz-Log-Result}: Lambda returns "the last 4 KB of the execution
 * log", base64-encoded [D Invoke API reference, LogType]. Only the newest 4 KB are kept while the function runs, so a
 * chatty function cannot grow it. Lines are kept whole; the oldest line kept may be cut at its start, as Lambda cuts.
 */
public final class LogTail {
    /** 4 KB, as Lambda. */
    public static final int LIMIT_BYTES = 4 * 1024;

    private final Deque<byte[]> lines = new ArrayDeque<>();
    private int bytes;

    /** Appends one log line; a line break is added. Safe to call from the function's worker thread. */
    public synchronized void append(String line) {
        byte[] encoded = (line.endsWith("\n") ? line : line + "\n").getBytes(StandardCharsets.UTF_8);
        lines.addLast(encoded);
        bytes += encoded.length;
        while (bytes - lines.peekFirst().length >= LIMIT_BYTES) {
            bytes -= lines.removeFirst().length;
        }
    }

    /** The last {@link #LIMIT_BYTES} bytes of the log. */
    public synchronized byte[] bytes() {
        byte[] all = new byte[bytes];
        int offset = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, all, offset, line.length);
            offset += line.length;
        }
        int start = Math.max(0, all.length - LIMIT_BYTES);
        byte[] tail = new byte[all.length - start];
        System.arraycopy(all, start, tail, 0, tail.length);
        return tail;
    }

    /** The {@code X-Amz-Log-Result} header value. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes());
    }
}
