package dev.apigw.emulator.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code apigw} process's standard output and error, buffered and flushed every {@link #FLUSH_MILLIS} ms and at
 * exit. Each request writes Lambda's START, END and REPORT lines (and the handler's own); written through the JVM's
 * autoflushing streams, each line is a system call on the request's thread. Buffered, a line shows up at most a
 * few milliseconds later, in the same order. A writer's own {@code flush()} does not write through: slf4j-simple
 * flushes after every line, which would make each line a system call again.
 */
final class BufferedConsole {
    static final long FLUSH_MILLIS = 20;
    private static final int BUFFER_BYTES = 64 * 1024;

    private BufferedConsole() {
    }

    /**
     * Replaces {@code System.out} and {@code System.err}; for the process's own {@code main} only.
     *
     * @return writes out what is held, for an exit that does not wait for the shutdown hooks ({@code halt})
     */
    static Runnable install() {
        HeldOutput out = new HeldOutput(new FileOutputStream(FileDescriptor.out));
        HeldOutput err = new HeldOutput(new FileOutputStream(FileDescriptor.err));
        System.setOut(new PrintStream(out, false, encoding("sun.stdout.encoding")));
        System.setErr(new PrintStream(err, false, encoding("sun.stderr.encoding")));
        List<HeldOutput> streams = List.of(out, err);
        Thread flusher = new Thread(() -> {
            while (true) {
                try {
                    TimeUnit.MILLISECONDS.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                streams.forEach(HeldOutput::drain);
            }
        }, "apigw-console-flusher");
        flusher.setDaemon(true);
        flusher.start();
        Runnable drain = () -> streams.forEach(HeldOutput::drain);
        Runtime.getRuntime().addShutdownHook(new Thread(drain, "apigw-console-flush"));
        return drain;
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

    /** Holds what is written until {@link #drain()}; {@code flush()} from writers is ignored. */
    static final class HeldOutput extends BufferedOutputStream {
        HeldOutput(OutputStream target) {
            super(target, BUFFER_BYTES);
        }

        @Override
        public void flush() {
            // Only drain() writes through: see the class comment.
        }

        @Override
        public void close() throws IOException {
            drain();
            super.close();
        }

        /** Writes out what is held; a console that went away (a closed pipe) is not the caller's failure. */
        void drain() {
            try {
                super.flush();
            } catch (IOException e) {
                // Nothing can report a broken console; the next write fails the same way and is ignored too.
            }
        }
    }
}
