package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

/** One HTTP header line, name as sent (original casing). */
public record Header(String name, String value) {
    public Header {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
    }
}
