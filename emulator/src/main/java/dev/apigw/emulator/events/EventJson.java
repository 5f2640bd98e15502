package dev.apigw.emulator.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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

    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private EventJson() {}

    /** One JSON object, written by {@code body}, as UTF-8 bytes. */
    public static byte[] object(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an event to memory failed", e);
        }
        return out.toByteArray();
    }

    static String clf(Instant time) {
        return CLF.format(time);
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
            json.writeArrayFieldStart(entry.getKey());
            for (String value : entry.getValue()) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    static void nullableString(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }
}
