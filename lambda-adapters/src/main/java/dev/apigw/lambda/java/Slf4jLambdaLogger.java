package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * {@code context.getLogger()}: what a handler logs goes to SLF4J logger {@code dev.apigw.lambda.function.<name>},
 * each line prefixed with the request id as in CloudWatch ({@code <requestId> message}). Messages logged without a
 * level go out at INFO; a trailing line break is dropped because the SLF4J backend adds its own.
 */
final class Slf4jLambdaLogger implements LambdaLogger {

    private final Logger logger;
    private final String requestId;
    private final @Nullable Consumer<String> lines;

    Slf4jLambdaLogger(Logger logger, String requestId, @Nullable Consumer<String> lines) {
        this.logger = logger;
        this.requestId = requestId;
        this.lines = lines;
    }

    @Nullable Consumer<String> lines() {
        return lines;
    }

    @Override
    public void log(@Nullable String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message, @Nullable LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    @Override
    public void log(@Nullable String message, @Nullable LogLevel level) {
        String line = requestId + " " + stripTrailingLineBreak(String.valueOf(message));
        if (lines != null) {
            lines.accept(line);
        }
        switch (level == null ? LogLevel.UNDEFINED : level) {
            case TRACE -> logger.trace(line);
            case DEBUG -> logger.debug(line);
            case WARN -> logger.warn(line);
            case ERROR, FATAL -> logger.error(line);
            case INFO, UNDEFINED -> logger.info(line);
        }
    }

    private static String stripTrailingLineBreak(String message) {
        if (message.endsWith("\r\n")) {
            return message.substring(0, message.length() - 2);
        }
        return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    }
}
