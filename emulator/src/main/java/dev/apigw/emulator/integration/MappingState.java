package dev.apigw.emulator.integration;

import java.util.Map;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.InputVariable;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.MethodRequestParameters;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.mapping.TemplateException;
import dev.apigw.emulator.mapping.TemplateScope;
import dev.apigw.emulator.mapping.UtilVariable;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping state of one request: the method request's parameters and the one {@code $context} that the request
 * template and then the response template share (overrides set in the first are seen by the second, as on AWS).
 */
final class MappingState {
    private static final Logger LOG = LoggerFactory.getLogger(MappingState.class);
    private static final UtilVariable UTIL = new UtilVariable();

    private final MappingTemplates engine;
    private final MethodRequestParameters parameters;
    private final ContextVariable context;
    private final Map<String, String> stageVariables;

    private MappingState(MappingTemplates engine, MethodRequestParameters parameters, ContextVariable context,
            Map<String, String> stageVariables) {
        this.engine = engine;
        this.parameters = parameters;
        this.context = context;
        this.stageVariables = stageVariables;
    }

    static MappingState of(MappingTemplates engine, Exchange exchange) {
        Map<String, String> stageVariables = exchange.context().stageVariables();
        return new MappingState(engine,
                MethodRequestParameters.of(exchange.request(), exchange.route().pathParameters()),
                ContextVariable.of(exchange), stageVariables == null ? Map.of() : stageVariables);
    }

    MethodRequestParameters parameters() {
        return parameters;
    }

    ContextVariable context() {
        return context;
    }

    Map<String, String> stageVariables() {
        return stageVariables;
    }

    /**
     * Renders a template over a payload ({@code $input.body}): text payloads as UTF-8, binary ones as base64, which is
     * how templates see binary data on AWS (AWS-REFERENCE 11).
     */
    String render(Template template, byte[] payload, boolean binary) {
        InputVariable input = new InputVariable(PayloadConversion.textForTemplate(payload, binary), parameters);
        try {
            return engine.render(template, new TemplateScope(input, context, stageVariables, UTIL));
        } catch (TemplateException e) {
            // AWS answers 500 and logs the template failure; the cause is for the log, never for the client.
            LOG.warn("[{}] Execution failed due to a mapping template error: {}",
                    context.lookup("requestId").orElse("-"), e.getMessage());
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR, e.getMessage());
        }
    }
}
