package dev.apigw.emulator.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * Streaming JSON output for the event builders: one shared, thread-safe factory. Its mapper is there only for the
 * authorizer block, whose Lambda context may nest maps and lists.
 */
public final class EventJson {
    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

    /** Common Log Format as AWS writes {@code requestTime} / {@code time}: {@code 04/Mar/2020:19:15:17 +0000} [D]. */
    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final long SECONDS_PER_DAY = 86_400;
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private EventJson() {}

    /** One JSON object, written by {@code body}, as UTF-8 bytes. */
    public static byte[] object(Body body) {
        EventBuffer out = EventBuffer.acquire();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            out.release();
            throw new UncheckedIOException("writing an event to memory failed", e);
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
        return out.take();
    }

    /**
     * Written field by field for the years requests have (1–9999): DateTimeFormatter showed up in the profile of
     * every event and {@code $context} (issue 8). Other years go through the formatter, whose output this matches.
     */
    static String clf(Instant time) {
        long seconds = time.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        if (date.getYear() < 1 || date.getYear() > 9999) {
            return CLF.format(time);
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(26);
        twoDigits(text, date.getDayOfMonth()).append('/').append(MONTHS[date.getMonthValue() - 1]).append('/');
        twoDigits(text, date.getYear() / 100);
        twoDigits(text, date.getYear() % 100).append(':');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        twoDigits(text, secondOfDay % 60).append(" +0000");
        return text.toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** A map of strings, or JSON {@code null} when the map is null. */
    static void stringMap(JsonGenerator json, String field, @Nullable Map<String, String> map) throws IOException {
        if (map == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /** A map of string lists, or JSON {@code null} when the map is null. */
    public static void listMap(JsonGenerator json, String field, @Nullable Map<String, List<String>> map) throws IOException {
        if (map == null) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            stringArray(json, entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /** The single-value view of a multi-value map: each name with its last value ({@code ?a=1&a=2} gives 2) [S]. */
    static void lastValues(JsonGenerator json, String field, Map<String, List<String>> map) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            List<String> values = entry.getValue();
            json.writeStringField(entry.getKey(), values.get(values.size() - 1));
        }
        json.writeEndObject();
    }

    static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static void nullableString(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }
}
