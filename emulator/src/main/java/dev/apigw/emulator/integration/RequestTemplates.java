package dev.apigw.emulator.integration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.events.MediaTypes;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.PassthroughBehavior;

/**
 * The request templates of a non-proxy integration, compiled, and AWS's rule for choosing one: the key is the
 * request's Content-Type without parameters ({@code application/json} when absent); without a match the body passes
 * through or is refused with 415, as {@code passthroughBehavior} says (AWS-REFERENCE 5.1,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html).
 */
final class RequestTemplates {
    private static final String DEFAULT_CONTENT_TYPE = "application/json";

    private final Map<String, Template> templates;
    private final PassthroughBehavior passthrough;

    private RequestTemplates(Map<String, Template> templates, PassthroughBehavior passthrough) {
        this.templates = templates;
        this.passthrough = passthrough;
    }

    /** @param location where the templates are in the spec, for parse errors */
    static RequestTemplates compile(Map<String, String> texts, PassthroughBehavior passthrough,
            MappingTemplates engine, String location) {
        Map<String, Template> templates = new LinkedHashMap<>();
        texts.forEach((contentType, text) -> templates.put(contentType.toLowerCase(Locale.ROOT),
                engine.compile(text, location + "." + contentType)));
        return new RequestTemplates(templates, passthrough);
    }

    /**
     * The template to apply, or empty for passthrough.
     *
     * @throws GatewayException UNSUPPORTED_MEDIA_TYPE when passthrough is not allowed
     */
    Optional<Template> select(GatewayRequest request) {
        Template match = templates.get(contentType(request));
        if (match != null) {
            return Optional.of(match);
        }
        boolean passes = switch (passthrough) {
            case WHEN_NO_MATCH -> true;
            case WHEN_NO_TEMPLATES -> templates.isEmpty();
            case NEVER -> false;
        };
        if (!passes) {
            throw new GatewayException(GatewayError.UNSUPPORTED_MEDIA_TYPE,
                    "no request template for " + contentType(request) + " and passthroughBehavior is " + passthrough);
        }
        return Optional.empty();
    }

    static String contentType(GatewayRequest request) {
        String type = MediaTypes.essence(request.headers().first("Content-Type").orElse(null));
        return type.isEmpty() ? DEFAULT_CONTENT_TYPE : type;
    }
}
