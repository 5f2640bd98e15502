package dev.apigw.emulator;

import java.util.HashMap;
import java.util.Map;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.response.TemplateVariables;
import org.jspecify.annotations.Nullable;

/** The {@code $context} values a gateway response template can use, taken from the request context. */
final class ErrorVariables {
    private ErrorVariables() {}

    static TemplateVariables of(RequestContext context, String stage, GatewayRequest request) {
        return of(context, stage, request, null);
    }

    static TemplateVariables of(RequestContext context, String stage, GatewayRequest request,
            @Nullable String validationErrorString) {
        Map<String, String> values = new HashMap<>();
        values.put("requestId", context.requestId());
        values.put("extendedRequestId", context.extendedRequestId());
        values.put("apiId", context.apiId());
        values.put("accountId", context.accountId());
        values.put("stage", stage);
        values.put("httpMethod", request.method());
        values.put("domainName", context.domainName());
        values.put("identity.sourceIp", context.sourceIp());
        values.put("protocol", context.protocol());
        if (validationErrorString != null) {
            values.put("error.validationErrorString", validationErrorString);
        }
        Map<String, String> parameters = new HashMap<>();
        request.headers().all().forEach(h -> parameters.putIfAbsent("method.request.header." + h.name(), h.value()));
        return new TemplateVariables(values, context.stageVariables() == null ? Map.of() : context.stageVariables(),
                parameters);
    }
}
