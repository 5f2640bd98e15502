package dev.apigw.emulator.integration;

import java.util.Map;
import java.util.Optional;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/**
 * {@code MOCK}: the rendered request template yields {@code {"statusCode": N}}, which selects an integration
 * response (patterns matched against the status code); that response's template and parameters make the answer.
 * The mock "backend" has no body, so response templates see {@code $input.body} as {@code {}}. Without a request
 * template the default integration response answers (AWS-REFERENCE 5.3,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html).
 */
final class MockInvoker implements IntegrationInvoker.Synchronous {
    private static final byte[] NO_BODY = new byte[0];

    private final MappingTemplates engine;
    private final RequestTemplates requestTemplates;
    private final IntegrationResponses responses;

    MockInvoker(MappingTemplates engine, RequestTemplates requestTemplates, IntegrationResponses responses) {
        this.engine = engine;
        this.requestTemplates = requestTemplates;
        this.responses = responses;
    }

    @Override
    public GatewayResponse invoke(Exchange exchange) {
        GatewayRequest request = exchange.request();
        MappingState state = MappingState.of(engine, exchange);
        Optional<Template> template = requestTemplates.select(request);
        IntegrationOutput output;
        if (template.isPresent()) {
            int status = IntegrationResponseRules.mockStatus(state.render(template.get(), request.body(), false))
                    .orElseThrow(() -> new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                            "the MOCK request template does not produce a statusCode"));
            output = IntegrationOutput.ofStatus(status, Map.of(), NO_BODY);
        } else {
            output = new IntegrationOutput(200, Map.of(), NO_BODY, null);
        }
        exchange.trace().mockStatus(output.status());
        return responses.respond(output, state, IntegrationResponses.accept(request));
    }
}
