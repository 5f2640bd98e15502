package dev.apigw.emulator.observe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway access logs: one line per answered request, in the stage's access log format (a format string of
 * {@code $context} variables, or the console's CLF, JSON, XML or CSV example), to a file or standard output.
 * Lines from concurrent requests never interleave: each is written whole and flushed under one lock.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-access-logging.html
 */
public final class AccessLog implements GatewayObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private final AccessLogFormat format;
    private final Writer out;
    private final boolean ownsOut;
    private final String destination;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean failed;

    private AccessLog(AccessLogFormat format, Writer out, boolean ownsOut, String destination) {
        this.format = format;
        this.out = out;
        this.ownsOut = ownsOut;
        this.destination = destination;
    }

    /**
     * @param format a preset name ({@code clf}, {@code json}, {@code xml}, {@code csv}) or a format string of
     *     {@code $context} variables
     * @param file null = standard output; else appended to, and created if missing
     * @throws IllegalArgumentException for a variable the API type does not log, a format without a request id, or
     *     a file that cannot be opened
     */
    public static AccessLog create(String format, @Nullable Path file, boolean httpApi) {
        AccessLogFormat parsed = AccessLogFormat.parse(format, httpApi);
        if (file == null) {
            return to(System.out, parsed);
        }
        try {
            // As a log group is created for its first line, a missing directory is created for the file.
            Path directory = file.toAbsolutePath().getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
            Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new AccessLog(parsed, writer, true, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open the access log file " + file + " (" + e + "); check that"
                    + " its directory can be created and written", e);
        }
    }

    /** An access log written to {@code stream}, which stays open when the log closes. */
    static AccessLog writingTo(PrintStream stream, String format, boolean httpApi) {
        return to(stream, AccessLogFormat.parse(format, httpApi));
    }

    private static AccessLog to(PrintStream stream, AccessLogFormat format) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        return new AccessLog(format, writer, false, "standard output");
    }

    /** The line this log writes for a request, without the line break. */
    String line(ObservedRequest request) {
        return format.render(name -> AccessLogVariables.value(name, request));
    }

    @Override
    public void observed(ObservedRequest request) {
        String line = line(request);
        lock.lock();
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            warnOnce(request.context().requestId(), e);
        } finally {
            lock.unlock();
        }
    }

    /** One warning, not one per request, when the destination stops taking lines (disk full, file removed). */
    private void warnOnce(String requestId, IOException e) {
        if (!failed) {
            failed = true;
            LOG.warn("[{}] writing the access log to {} failed: {}", requestId, destination, e.toString());
        }
    }

    /** Flushes; closes the file, leaves standard output open. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (ownsOut) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("closing the access log {} failed: {}", destination, e.toString());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "access log to " + destination;
    }
}
