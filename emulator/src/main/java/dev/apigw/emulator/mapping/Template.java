package dev.apigw.emulator.mapping;

import static java.util.Objects.requireNonNull;

/**
 * A parsed mapping template, ready to render any number of times from any thread. Made by
 * {@link MappingTemplates#compile}; templates with the same text share one parsed tree.
 */
public final class Template {
    private final String location;
    private final org.apache.velocity.Template parsed;

    Template(String location, org.apache.velocity.Template parsed) {
        this.location = requireNonNull(location, "location");
        this.parsed = requireNonNull(parsed, "parsed");
    }

    /** Where the template was defined, e.g. {@code paths./pets.get.x-amazon-apigateway-integration.requestTemplates.application/json}. */
    public String location() {
        return location;
    }

    org.apache.velocity.Template parsed() {
        return parsed;
    }

    @Override
    public String toString() {
        return "Template[" + location + "]";
    }
}
