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

    @Override
    public String toString() {
        return "Template[" + location + "]";
    }
}
