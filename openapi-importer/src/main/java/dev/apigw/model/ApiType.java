package dev.apigw.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of API that apigw serves. */
public enum ApiType {
    REST,
    HTTP,
    WEBSOCKET;

    /** Parses {@code rest}, {@code http} or {@code websocket} (any case). */
    public static ApiType fromSpec(String value) {
        for (ApiType type : values()) {
            if (type.name().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown API type '" + value + "'; expected one of "
                + Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
