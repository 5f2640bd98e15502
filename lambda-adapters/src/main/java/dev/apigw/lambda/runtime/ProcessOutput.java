package dev.apigw.lambda.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * Copies a child process's output to SLF4J line by line, as Lambda copies a function's stdout and stderr to its log
 * stream: under {@code dev.apigw.lambda.function.<name>}, the logger in-process handlers log to.
 */
final class ProcessOutput {
    private ProcessOutput() {}

    static void copyToLog(InputStream output, Logger log, String threadName) {
        Thread thread = new Thread(() -> copy(output, log), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static void copy(InputStream output, Logger log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.info("{}", line);
            }
        } catch (IOException e) {
            // The process was killed while writing: its remaining output is lost, as on Lambda.
        }
    }
}
