package dev.apigw.emulator.integration;

import java.util.Set;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.ParameterMapping;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.model.IntegrationOptions;

/** What every non-proxy integration compiles from its options: request templates, parameter mapping, responses. */
record NonProxyParts(RequestTemplates requestTemplates, ParameterMapping.RequestMapping requestParameters,
        IntegrationResponses responses, RequestBody requestBody) {

    static NonProxyParts compile(IntegrationOptions options, ParameterMapping.MappedIntegration kind,
            Set<String> methodStatuses, MappingTemplates engine, PayloadConversion conversion, String location) {
        return new NonProxyParts(
                RequestTemplates.compile(options.requestTemplates(), options.passthroughBehavior(), engine,
                        location + ".requestTemplates"),
                ParameterMapping.compileRequest(options.requestParameters(), location + ".requestParameters", kind),
                IntegrationResponses.compile(options.responses(), methodStatuses, engine, conversion, location),
                new RequestBody(conversion, options.contentHandling()));
    }
}
