package dev.apigw.importer;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a document.
 *
 * @param location a JSON-pointer-like path such as {@code paths./pets/{id}.get.x-amazon-apigateway-integration.uri}
 * @param line the 1-based source line where known
 * @param message what was found, what was expected and how to fix it
 */
public record Problem(String location, @Nullable Integer line, Severity severity, String message) {
    public Problem {
        requireNonNull(location, "location");
        requireNonNull(severity, "severity");
        requireNonNull(message, "message");
    }

    /** {@code ERROR paths./pets.get.x-amazon-apigateway-integration.type (line 12): message}. */
    @Override
    public String toString() {
        return severity + " " + location + (line == null ? "" : " (line " + line + ")") + ": " + message;
    }
}
