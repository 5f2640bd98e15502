package dev.apigw.emulator.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.time.Instant;

/**
 * The one JSON writer of apigw's own endpoints (journal, live feed, dashboard): times as ISO-8601 strings, durations
 * as milliseconds to 3 decimals. One {@link ObjectMapper}, shared: it is thread-safe once configured.
 */
public final class DashboardJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private DashboardJson() {}

    /**
     * {@code value} as JSON.
     *
     * @throws IllegalStateException when it cannot be written: apigw writes records of strings, numbers and lists,
     *     which always serialize, so this is a bug in apigw
     */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("apigw could not write a " + value.getClass().getSimpleName()
                    + " as JSON; please report this as a bug", e);
        }
    }

    /** A duration in milliseconds, rounded to 3 decimals (the contract's precision). */
    public static double millis(Duration duration) {
        return LatencyHistogram.round(duration.toNanos() / 1_000_000.0);
    }
}
