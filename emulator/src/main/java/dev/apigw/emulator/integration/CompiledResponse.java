package dev.apigw.emulator.integration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.ParameterMapping;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.MethodResponse;
import org.jspecify.annotations.Nullable;

/**
 * One integration response, compiled: its selection pattern, its response templates by content type and its
 * response parameter mapping. Rendering picks the template for the request's Accept type as AWS does: an exact key,
 * else {@code application/json}, else the first; with no template the integration's body passes through.
 *
 * @param pattern null for the default response (no or empty selection pattern)
 * @param templates by content type; an empty template means "pass the body through", which is how AWS lets a
 *     content type skip the others' templates (AWS-REFERENCE 5.2)
 */
record CompiledResponse(int status, @Nullable Pattern pattern, Map<String, Optional<Template>> templates,
        ParameterMapping.ResponseMapping parameters, PayloadConversion conversion,
        @Nullable ContentHandling contentHandling) {

    private static final String JSON = "application/json";

    static CompiledResponse compile(IntegrationResponse response, @Nullable MethodResponse methodResponse,
            MappingTemplates engine, PayloadConversion conversion, String location) {
        if (methodResponse != null) {
            requireDeclaredHeaders(response, methodResponse, location);
        }
        int status = IntegrationResponseRules.status(response, location);
        Map<String, Optional<Template>> templates = new LinkedHashMap<>();
        response.responseTemplates().forEach((type, text) -> templates.put(type.toLowerCase(Locale.ROOT),
                text.isBlank() ? Optional.empty() : Optional.of(engine.compile(text, location + ".responseTemplates." + type))));
        return new CompiledResponse(status, IntegrationResponseRules.pattern(response, location).orElse(null), templates,
                ParameterMapping.compileResponse(response.responseParameters(), location + ".responseParameters"),
                conversion, response.contentHandling());
    }

    /** AWS refuses a mapping to a header the method response does not declare ("Invalid mapping expression"). */
    private static void requireDeclaredHeaders(IntegrationResponse response, MethodResponse methodResponse,
            String location) {
        for (String target : response.responseParameters().keySet()) {
            if (target.startsWith("method.response.header.") && !methodResponse.headers().containsKey(target)) {
                throw new IllegalArgumentException(location + ".responseParameters." + target + ": Invalid mapping "
                        + "expression specified: the method response " + methodResponse.statusCode()
                        + " does not declare the header; add it under responses." + methodResponse.statusCode()
                        + ".headers");
            }
        }
    }


    /** The method response before overrides: status, mapped headers, Content-Type and body. */
    GatewayResponse render(IntegrationOutput output, MappingState state, String accept) {
        String type = templates.containsKey(accept) ? accept
                : templates.containsKey(JSON) ? JSON
                : templates.keySet().stream().findFirst().orElse(JSON);
        Template template = templates.getOrDefault(type, Optional.empty()).orElse(null);
        String integrationType = output.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Type") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        byte[] body = template == null ? passthrough(output.body(), integrationType, accept)
                : state.render(template, output.body(), conversion.isBinary(integrationType))
                        .getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>();
        // API Gateway gives every integration response a Content-Type, application/json by default [D].
        headers.add(new Header("Content-Type", type));
        mappedHeaders(output, state).forEach((name, value) -> {
            headers.removeIf(h -> h.name().equalsIgnoreCase(name));
            headers.add(new Header(name, value));
        });
        return new GatewayResponse(status, new Headers(headers), body);
    }

    private byte[] passthrough(byte[] body, @Nullable String integrationType, String accept) {
        try {
            return conversion.response(body, integrationType, accept, contentHandling);
        } catch (PayloadConversion.InvalidBase64Exception e) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "CONVERT_TO_BINARY could not base64-decode the integration response");
        }
    }

    private Map<String, String> mappedHeaders(IntegrationOutput output, MappingState state) {
        if (parameters.isEmpty()) {
            return Map.of();
        }
        try {
            return parameters.apply(output.headers(), new String(output.body(), StandardCharsets.UTF_8),
                    name -> state.context().lookup(name).orElse(null), state.stageVariables());
        } catch (ParameterMapping.InvalidJsonBodyException e) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "a response parameter reads the integration response body as JSON, but it is not: " + e.getMessage());
        }
    }
}
