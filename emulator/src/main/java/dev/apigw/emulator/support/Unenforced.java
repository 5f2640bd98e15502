package dev.apigw.emulator.support;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One setting of the document that apigw does not enforce.
 *
 * @param setting the extension, or the extension and field ({@code x-amazon-apigateway-integration.cacheKeyParameters})
 * @param location where it is written, in the importer's problem locations
 *     ({@code paths./pets.get.x-amazon-apigateway-integration.cacheKeyParameters})
 * @param line the 1-based source line where known
 * @param instead what apigw does in its place, as the client sees it
 */
public record Unenforced(String setting, String location, @Nullable Integer line, String instead) {
    public Unenforced {
        requireNonNull(setting, "setting");
        requireNonNull(location, "location");
        requireNonNull(instead, "instead");
    }

    /** {@code setting at openapi.yaml line 12 (location): instead}. */
    public String describe(String source) {
        return setting + " at " + source + (line == null ? "" : " line " + line) + " (" + location + "): " + instead;
    }
}
