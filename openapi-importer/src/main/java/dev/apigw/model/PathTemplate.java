package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A resource path or route path such as {@code /pets/{id}} or {@code /files/{proxy+}}, parsed once.
 * Path variables are whole segments; a greedy variable ({@code {name+}}) may only be the last segment.
 */
public record PathTemplate(String text, List<Segment> segments) {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public PathTemplate {
        requireNonNull(text, "text");
        segments = List.copyOf(segments);
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i) instanceof Segment.Greedy) {
                throw new IllegalArgumentException("greedy path variable must be the last segment in '" + text + "'");
            }
        }
    }

    /** The root resource {@code /}. */
    public static PathTemplate root() {
        return new PathTemplate("/", List.of());
    }

    /**
     * Parses a path template; throws {@link IllegalArgumentException} with a readable reason when it does not parse.
     */
    public static PathTemplate parse(String text) {
        requireNonNull(text, "text");
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path '" + text + "' must start with '/'");
        }
        if (text.equals("/")) {
            return root();
        }
        String body = text.endsWith("/") ? text.substring(1, text.length() - 1) : text.substring(1);
        List<Segment> segments = new ArrayList<>();
        for (String part : body.split("/", -1)) {
            segments.add(segment(part, text));
        }
        return new PathTemplate(text, segments);
    }

    private static Segment segment(String part, String text) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("path '" + text + "' has an empty segment");
        }
        boolean opens = part.startsWith("{");
        boolean closes = part.endsWith("}");
        if (opens && closes) {
            String inner = part.substring(1, part.length() - 1);
            boolean greedy = inner.endsWith("+");
            String name = greedy ? inner.substring(0, inner.length() - 1) : inner;
            if (!VARIABLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("path '" + text + "' has an invalid variable '" + part + "'");
            }
            return greedy ? new Segment.Greedy(name) : new Segment.Variable(name);
        }
        if (part.contains("{") || part.contains("}")) {
            throw new IllegalArgumentException("path '" + text + "' has a variable that is not a whole segment: '"
                    + part + "' (API Gateway path variables must span a whole segment, e.g. /pets/{id})");
        }
        return new Segment.Literal(part);
    }

    /** Names of the path variables in order. */
    public List<String> variableNames() {
        List<String> names = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment instanceof Segment.Variable v) {
                names.add(v.name());
            } else if (segment instanceof Segment.Greedy g) {
                names.add(g.name());
            }
        }
        return names;
    }

    public boolean isGreedy() {
        return !segments.isEmpty() && segments.get(segments.size() - 1) instanceof Segment.Greedy;
    }

    @Override
    public String toString() {
        return text;
    }

    /** One segment of a path template. */
    public sealed interface Segment {
        /** A fixed segment, matched exactly (case-sensitive). */
        record Literal(String text) implements Segment {}

        /** {@code {name}}: exactly one non-empty segment. */
        record Variable(String name) implements Segment {}

        /** {@code {name+}}: one or more segments; always last. */
        record Greedy(String name) implements Segment {}
    }
}
