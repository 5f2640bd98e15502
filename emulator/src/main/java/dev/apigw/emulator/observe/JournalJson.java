package dev.apigw.emulator.observe;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The journal as {@code GET /_apigw/journal} serves it: a JSON array of entries, newest first. */
public final class JournalJson {
    /** How many entries a request gets without {@code ?limit=}. */
    public static final int DEFAULT_LIMIT = 100;

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
        return DashboardJson.write(text);
    }

    /** One entry, in the same form as an element of the journal's array. */
    public static String json(JournalEntry entry) {
        return DashboardJson.write(entry);
    }

    static String json(List<JournalEntry> entries) {
        return DashboardJson.write(entries);
    }
}
