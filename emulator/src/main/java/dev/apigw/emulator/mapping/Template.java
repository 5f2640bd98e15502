package dev.apigw.emulator.mapping;

import static java.util.Objects.requireNonNull;

/**
 * A parsed mapping template, ready to render any number of times from any thread. Made by
 * {@link MappingTemplates#compile}; templates with the same text share one parsed tree.
 */
public final class Template {
    private final String location;
    private final org.apache.velocity.Template parsed;
    private final IntrospectionCache introspection;
    /** A recent render's length, as the next render's buffer size: a hint only, so races do not matter. */
    private volatile int lastLength = 256;

    Template(String location, Parsed parsed) {
        this.location = requireNonNull(location, "location");
        this.parsed = requireNonNull(parsed, "parsed").tree();
        this.introspection = parsed.introspection();
    }

    /** A parsed tree and what renders learn about the values it touches, shared by templates with the same text. */
    record Parsed(org.apache.velocity.Template tree, IntrospectionCache introspection) {}

    /** Where the template was defined, e.g. {@code paths./pets.get.x-amazon-apigateway-integration.requestTemplates.application/json}. */
    public String location() {
        return location;
    }

    org.apache.velocity.Template parsed() {
        return parsed;
    }

    IntrospectionCache introspection() {
        return introspection;
    }

    int expectedLength() {
        return lastLength;
    }

    /** Written only when the hint is too small or far too big, so concurrent renders rarely share a write. */
    void rendered(int length) {
        int hint = lastLength;
        if (length > hint || length < hint / 2) {
            // A little headroom: renders of one template differ with the payload.
            lastLength = Math.min(length + length / 8 + 16, 1 << 20);
        }
    }

    @Override
    public String toString() {
        return "Template[" + location + "]";
    }
}
