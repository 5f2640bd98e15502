package dev.apigw.emulator.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code apigw} process's standard output and error, buffered and flushed every {@link #FLUSH_MILLIS} ms and at
 * exit. Each request writes Lambda's START, END and REPORT lines (and the handler's own); written through the JVM's
 * autoflushing streams, each line is a system call on the request's thread. Buffered, a line shows up at most a
 * few milliseconds later, in the same order.
 */
final class BufferedConsole {
    static final long FLUSH_MILLIS = 20;
    private static final int BUFFER_BYTES = 64 * 1024;

    private BufferedConsole() {
    }

    /** Replaces {@code System.out} and {@code System.err}; for the process's own {@code main} only. */
    static void install() {
        PrintStream out = buffered(FileDescriptor.out, encoding("sun.stdout.encoding"));
        PrintStream err = buffered(FileDescriptor.err, encoding("sun.stderr.encoding"));
        System.setOut(out);
        System.setErr(err);
        List<PrintStream> streams = List.of(out, err);
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    TimeUnit.MILLISECONDS.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                streams.forEach(PrintStream::flush);
            }
        }, "apigw-console-flusher");
        flusher.setDaemon(true);
        flusher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.forEach(PrintStream::flush),
                "apigw-console-flush"));
    }

    /** The encoding the JVM gave the console stream (JDK 17 keeps it in these properties), else the default. */
    private static Charset encoding(String property) {
        String name = System.getProperty(property);
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    private static PrintStream buffered(FileDescriptor descriptor, Charset charset) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(descriptor), BUFFER_BYTES), false,
                charset);
    }
}
