package dev.apigw.emulator.websocket;

import java.util.Optional;
import java.util.OptionalInt;
import dev.apigw.emulator.integration.IntegrationResponseRules;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.TemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mock}: the request template yields {@code {"statusCode": N}} (200 without a template), which decides
 * {@code $connect} and selects the integration response; its template output is the route response's frame. The mock
 * has no body, so response templates see {@code $input.body} as {@code {}} (AWS-REFERENCE 5.3). The common use is a
 * {@code $connect} or {@code $disconnect} that only returns 200.
 */
record WebSocketMockRoute(WebSocketMapping mapping) implements WebSocketRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketMockRoute.class);

    @Override
    public WebSocketRouteResult invoke(WebSocketRouteCall call) {
        ContextVariable context = mapping.context(call);
        try {
            int status = 200;
            Optional<String> rendered = mapping.request(call, context);
            if (rendered.isPresent()) {
                OptionalInt found = IntegrationResponseRules.mockStatus(rendered.get());
                if (found.isEmpty()) {
                    LOG.warn("[{}] Execution failed: the MOCK request template of {} does not produce a statusCode",
                            call.requestId(), call.routeKey());
                    return WebSocketRouteResult.failure();
                }
                status = found.getAsInt();
            }
            String frame = mapping.response(String.valueOf(status), "", call, context).orElse(null);
            return WebSocketRouteResult.of(status, frame);
        } catch (TemplateException e) {
            LOG.warn("[{}] Execution failed due to a mapping template error: {}", call.requestId(), e.getMessage());
            return WebSocketRouteResult.failure();
        }
    }
}
