package dev.apigw.emulator.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The journal as {@code GET /_apigw/journal} serves it: a JSON array of entries, newest first. */
public final class JournalJson {
    /** How many entries a request gets without {@code ?limit=}. */
    public static final int DEFAULT_LIMIT = 100;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private JournalJson() {}

    /**
     * The entries asked for by {@code ?limit=}: 100 by default, at most the journal's size.
     *
     * @throws IllegalArgumentException when the limit is not a positive whole number
     */
    public static String render(Journal journal, @Nullable String limitParameter) {
        int limit = DEFAULT_LIMIT;
        if (limitParameter != null) {
            try {
                limit = Integer.parseInt(limitParameter.trim());
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit <= 0) {
                throw new IllegalArgumentException("/_apigw/journal?limit=" + limitParameter + " is not a positive"
                        + " whole number; ask for e.g. ?limit=10");
            }
        }
        return json(journal.entries(Math.min(limit, journal.size())));
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }

    /** One entry, in the same form as an element of the journal's array. */
    public static String json(JournalEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal entry could not be written as JSON", e);
        }
    }

    static String json(List<JournalEntry> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and lists always serialize; reaching here is a bug in apigw.
            throw new IllegalStateException("the journal could not be written as JSON", e);
        }
    }
}
