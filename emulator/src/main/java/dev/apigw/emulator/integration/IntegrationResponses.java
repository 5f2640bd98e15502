package dev.apigw.emulator.integration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.events.MediaTypes;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.MethodResponse;
import org.jspecify.annotations.Nullable;

/**
 * The integration responses of a non-proxy integration, compiled, and AWS's rules for them: selection patterns are
 * Java regular expressions matched against the whole Lambda {@code errorMessage} (function errors) or the backend
 * status code, tried in ascending status order; a successful Lambda result always takes the default response; no
 * match and no default is a 500 (AWS-REFERENCE 5.2,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html).
 */
final class IntegrationResponses {
    private final List<CompiledResponse> patterned;
    private final @Nullable CompiledResponse defaultResponse;
    private final Set<String> methodStatuses;

    private IntegrationResponses(List<CompiledResponse> patterned, @Nullable CompiledResponse defaultResponse,
            Set<String> methodStatuses) {
        this.patterned = patterned;
        this.defaultResponse = defaultResponse;
        this.methodStatuses = methodStatuses;
    }

    /**
     * @param methodResponses the method responses the method declares, by status; when it declares some, a
     *     selected status outside them is a 500, as on AWS (a method without declared responses is not checked)
     */
    static IntegrationResponses compile(List<IntegrationResponse> responses, Map<String, MethodResponse> methodResponses,
            MappingTemplates engine, PayloadConversion conversion, String location) {
        List<CompiledResponse> patterned = new ArrayList<>();
        CompiledResponse defaultResponse = null;
        for (IntegrationResponse response : responses) {
            String where = location + ".responses." + response.selectionPattern();
            CompiledResponse compiled = CompiledResponse.compile(response, methodResponses.get(response.statusCode()),
                    engine, conversion, where);
            if (compiled.pattern() == null) {
                defaultResponse = compiled;
            } else {
                patterned.add(compiled);
            }
        }
        patterned.sort(Comparator.comparingInt(CompiledResponse::status));
        return new IntegrationResponses(List.copyOf(patterned), defaultResponse, Set.copyOf(methodResponses.keySet()));
    }

    /** Picks the integration response for what the integration produced. */
    CompiledResponse select(IntegrationOutput output) {
        String value = output.selectionValue();
        if (value != null) {
            for (CompiledResponse response : patterned) {
                if (response.pattern().matcher(value).matches()) {
                    return response;
                }
            }
        }
        if (defaultResponse == null) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "no integration response matches '" + value + "' and there is no default");
        }
        return defaultResponse;
    }

    /** The method response for the integration output: selected response, mapped body, headers and status. */
    GatewayResponse respond(IntegrationOutput output, MappingState state, String accept) {
        CompiledResponse selected = select(output);
        GatewayResponse response = selected.render(output, state, accept);
        int status = state.context().responseStatusOverride().orElse(response.status());
        if (state.context().responseStatusOverride().isEmpty() && !methodStatuses.isEmpty()
                && !methodStatuses.contains(String.valueOf(status))) {
            // The override is exempt from this check on AWS [S test_lambda_aws_integration_response_with_mapping_templates].
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "integration response status " + status + " is not a declared method response");
        }
        List<Header> headers = new ArrayList<>(response.headers().all());
        state.context().responseHeaderOverrides().forEach((name, value) -> {
            headers.removeIf(h -> h.name().equalsIgnoreCase(name));
            headers.add(new Header(name, value));
        });
        return new GatewayResponse(status, new Headers(headers), response.body());
    }

    /** The first media type of the request's Accept header, which picks the response template; JSON by default. */
    static String accept(GatewayRequest request) {
        String type = MediaTypes.essence(request.headers().first("Accept").orElse(null));
        return type.isEmpty() || type.equals("*/*") ? "application/json" : type;
    }

    static Map<String, List<String>> headersOf(Headers headers) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Header header : headers.all()) {
            grouped.computeIfAbsent(header.name(), n -> new ArrayList<>()).add(header.value());
        }
        return grouped;
    }
}
