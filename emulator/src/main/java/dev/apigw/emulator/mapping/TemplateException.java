package dev.apigw.emulator.mapping;

/**
 * A mapping template that cannot be parsed or rendered. The message is one sentence that starts with the template's
 * location, e.g. {@code paths./pets.get.x-amazon-apigateway-integration.requestTemplates.application/json line 3,
 * column 7: Encountered "#end"}.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message, null, false, false);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
