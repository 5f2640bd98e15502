package dev.apigw.emulator.integration;

import java.util.Map;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.ParameterMapping;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.MethodResponse;

/** What every non-proxy integration compiles from its options: request templates, parameter mapping, responses. */
record NonProxyParts(RequestTemplates requestTemplates, ParameterMapping.RequestMapping requestParameters,
        IntegrationResponses responses, RequestBody requestBody) {

    static NonProxyParts compile(IntegrationOptions options, ParameterMapping.MappedIntegration kind,
            Map<String, MethodResponse> methodResponses, MappingTemplates engine, PayloadConversion conversion,
            String location) {
        return new NonProxyParts(
                RequestTemplates.compile(options.requestTemplates(), options.passthroughBehavior(), engine,
                        location + ".requestTemplates"),
                ParameterMapping.compileRequest(options.requestParameters(), location + ".requestParameters", kind),
                IntegrationResponses.compile(options.responses(), methodResponses, engine, conversion, location),
                new RequestBody(conversion, options.contentHandling()));
    }
}
