package dev.apigw.model;

/** {@code passthroughBehavior} of a non-proxy integration: what happens to a body without a matching template. */
public enum PassthroughBehavior {
    WHEN_NO_MATCH,
    WHEN_NO_TEMPLATES,
    NEVER;

    public static PassthroughBehavior fromSpec(String value) {
        return SpecEnums.parse(PassthroughBehavior.class, value, "");
    }
}
