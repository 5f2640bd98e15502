package dev.apigw.emulator.websocket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** AWS tolerates unquoted keys, e.g. {@code {statusCode: 200}} [S][L]. */
    private static final Pattern STATUS_CODE = Pattern.compile("[\"']?statusCode[\"']?\\s*:\\s*\"?(\\d{3})(?!\\d)\"?");

    @Override
    public WebSocketRouteResult invoke(WebSocketRouteCall call) {
        ContextVariable context = mapping.context(call);
        try {
            int status = 200;
            Optional<String> rendered = mapping.request(call, context);
            if (rendered.isPresent()) {
                Matcher found = STATUS_CODE.matcher(rendered.get());
                if (!found.find()) {
                    LOG.warn("[{}] Execution failed: the MOCK request template of {} does not produce a statusCode",
                            call.requestId(), call.routeKey());
                    return WebSocketRouteResult.failure();
                }
                status = Integer.parseInt(found.group(1));
            }
            String frame = mapping.response(String.valueOf(status), "", call, context).orElse(null);
            return WebSocketRouteResult.of(status, frame);
        } catch (TemplateException e) {
            LOG.warn("[{}] Execution failed due to a mapping template error: {}", call.requestId(), e.getMessage());
            return WebSocketRouteResult.failure();
        }
    }
}
