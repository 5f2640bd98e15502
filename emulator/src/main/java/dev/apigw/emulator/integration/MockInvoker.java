package dev.apigw.emulator.integration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.IntegrationResponse;
import org.jspecify.annotations.Nullable;

/**
 * {@code MOCK}: the request template yields {@code {"statusCode": N}}, which selects an integration response
 * (selection patterns are matched against the status code, in ascending status order); that response's static
 * headers and template make the answer. Templates with Velocity expressions are served once mapping templates
 * exist; {@link #unsupportedReason} tells which mocks cannot be served yet.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html
 */
final class MockInvoker implements IntegrationInvoker {
    // Without a request template AWS answers with the default integration response (how-to-mock-integration).
    /** AWS tolerates unquoted keys, e.g. CDK's CORS template {@code {statusCode: 200}} (AWS-REFERENCE 5.3). */
    private static final Pattern STATUS_CODE = Pattern.compile("[\"']?statusCode[\"']?\\s*:\\s*\"?(\\d{3})\"?");
    private static final String JSON = "application/json";

    private final boolean hasRequestTemplate;
    private final @Nullable String requestStatus;
    private final List<IntegrationResponse> responses;

    MockInvoker(IntegrationOptions options) {
        String template = template(options.requestTemplates(), JSON);
        this.hasRequestTemplate = template != null;
        this.requestStatus = template == null ? null : statusIn(template);
        this.responses = sortedByStatus(options.responses());
    }

    /** Why this mock needs mapping templates (not served yet), or empty when it is served. */
    static Optional<String> unsupportedReason(IntegrationOptions options) {
        for (String template : options.requestTemplates().values()) {
            if (isVelocity(template)) {
                return Optional.of("its request template uses Velocity expressions (mapping templates are not served yet)");
            }
        }
        for (IntegrationResponse response : options.responses()) {
            for (String template : response.responseTemplates().values()) {
                if (isVelocity(template)) {
                    return Optional.of("its response template for " + response.statusCode()
                            + " uses Velocity expressions (mapping templates are not served yet)");
                }
            }
            for (String source : response.responseParameters().values()) {
                if (!isStatic(source)) {
                    return Optional.of("its response parameter " + source + " is not a static 'value'");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public GatewayResponse invoke(Exchange exchange) {
        IntegrationResponse selected = select();
        String accept = exchange.request().headers().first("Accept").map(MockInvoker::firstMediaType).orElse(JSON);
        String contentType = selected.responseTemplates().containsKey(accept) ? accept
                : selected.responseTemplates().containsKey(JSON) ? JSON
                : selected.responseTemplates().keySet().stream().findFirst().orElse(JSON);
        String body = selected.responseTemplates().getOrDefault(contentType, "");
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", contentType));
        selected.responseParameters().forEach((target, source) -> {
            if (target.startsWith("method.response.header.")) {
                headers.add(new Header(target.substring("method.response.header.".length()), unquote(source)));
            }
        });
        return new GatewayResponse(Integer.parseInt(selected.statusCode()), new Headers(headers),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private IntegrationResponse select() {
        if (hasRequestTemplate && requestStatus == null) {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    "the MOCK request template does not produce a statusCode");
        }
        if (requestStatus != null) {
            for (IntegrationResponse response : responses) {
                if (!response.isDefault() && Pattern.matches(response.selectionPattern(), requestStatus)) {
                    return response;
                }
            }
        }
        return responses.stream().filter(IntegrationResponse::isDefault).findFirst()
                .orElseThrow(() -> new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                        "no integration response matches status " + requestStatus + " and there is no default"));
    }

    private static @Nullable String template(Map<String, String> templates, String contentType) {
        String template = templates.get(contentType);
        return template != null ? template : templates.values().stream().findFirst().orElse(null);
    }

    private static @Nullable String statusIn(String template) {
        Matcher m = STATUS_CODE.matcher(template);
        return m.find() ? m.group(1) : null;
    }

    private static List<IntegrationResponse> sortedByStatus(List<IntegrationResponse> responses) {
        List<IntegrationResponse> sorted = new ArrayList<>(responses);
        sorted.sort(Comparator.comparing(IntegrationResponse::statusCode));
        return List.copyOf(sorted);
    }

    private static boolean isVelocity(String template) {
        return template.indexOf('$') >= 0 || template.indexOf('#') >= 0;
    }

    private static boolean isStatic(String source) {
        return source.length() >= 2 && source.startsWith("'") && source.endsWith("'");
    }

    private static String unquote(String source) {
        return isStatic(source) ? source.substring(1, source.length() - 1) : source;
    }

    private static String firstMediaType(String accept) {
        String first = accept.split(",", 2)[0];
        int semicolon = first.indexOf(';');
        return (semicolon < 0 ? first : first.substring(0, semicolon)).trim();
    }
}
