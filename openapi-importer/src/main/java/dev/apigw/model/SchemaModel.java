package dev.apigw.model;

import static java.util.Objects.requireNonNull;

/** An API Gateway model: a named JSON schema (draft 4), kept as JSON text with its {@code $ref}s resolved. */
public record SchemaModel(String name, String schemaJson) {
    public SchemaModel {
        requireNonNull(name, "name");
        requireNonNull(schemaJson, "schemaJson");
    }
}
