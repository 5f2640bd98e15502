package dev.apigw.emulator.websocket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.apigw.emulator.events.RequestContextV1;
import dev.apigw.emulator.integration.IntegrationResponseRules;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.InputVariable;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.MethodRequestParameters;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.mapping.TemplateScope;
import dev.apigw.emulator.mapping.UtilVariable;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.IntegrationResponse;
import org.jspecify.annotations.Nullable;

/**
 * The mapping templates of a non-proxy WebSocket route (AWS-REFERENCE 3.4, 5, 6): one request template and the
 * integration responses with their templates. WebSocket APIs pick templates with a {@code templateSelectionExpression}
 * apigw does not model; it takes {@code application/json}, else {@code $default}, else the first template — which is
 * the only one in the common case. Integration responses are selected as on REST: patterns (a {@code /…/} wrapper
 * as the WebSocket console writes it is removed) tried in ascending status order against the status code or the
 * Lambda {@code errorMessage}, a successful Lambda result always taking the default.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */
final class WebSocketMapping {
    private static final UtilVariable UTIL = new UtilVariable();

    private final MappingTemplates engine;
    private final @Nullable Template requestTemplate;
    private final List<Response> patterned;
    private final @Nullable Response defaultResponse;
    private final Map<String, String> stageVariables;

    /** One integration response: null pattern for the default, null template to pass the body through. */
    private record Response(int status, @Nullable Pattern pattern, @Nullable Template template) {}

    private WebSocketMapping(MappingTemplates engine, @Nullable Template requestTemplate, List<Response> patterned,
            @Nullable Response defaultResponse, Map<String, String> stageVariables) {
        this.engine = engine;
        this.requestTemplate = requestTemplate;
        this.patterned = patterned;
        this.defaultResponse = defaultResponse;
        this.stageVariables = stageVariables;
    }

    /**
     * @param location the integration's place in the spec, for errors
     * @throws IllegalArgumentException for an invalid pattern or status code; {@code TemplateException} for a
     *     template that does not parse
     */
    static WebSocketMapping compile(IntegrationOptions options, MappingTemplates engine,
            Map<String, String> stageVariables, String location) {
        Template request = chosen(options.requestTemplates(), engine, location + ".requestTemplates");
        List<Response> patterned = new ArrayList<>();
        Response defaultResponse = null;
        for (IntegrationResponse response : options.responses()) {
            String where = location + ".responses." + response.selectionPattern();
            Response compiled = new Response(IntegrationResponseRules.status(response, where), pattern(response, where),
                    chosen(response.responseTemplates(), engine, where + ".responseTemplates"));
            if (compiled.pattern() == null) {
                defaultResponse = compiled;
            } else {
                patterned.add(compiled);
            }
        }
        patterned.sort(Comparator.comparingInt(Response::status));
        return new WebSocketMapping(engine, request, List.copyOf(patterned), defaultResponse,
                Map.copyOf(stageVariables));
    }

    boolean hasRequestTemplate() {
        return requestTemplate != null;
    }

    /** The {@code $context} of one call; the request and the response template share it. */
    ContextVariable context(WebSocketRouteCall call) {
        return contextOf(call);
    }

    /**
     * The {@code $context} of one call, also what a {@code $connect} authorizer's {@code context.NAME} identity
     * sources read; {@code authorizer.*} holds what the connection's authorizer returned
     * [D apigateway-websocket-api-mapping-template-reference: $context.authorizer.principalId, .property].
     */
    static ContextVariable contextOf(WebSocketRouteCall call) {
        WebSocketEvent.Connection connection = call.connection();
        ContextVariable context = ContextVariable.empty();
        Map<String, Object> authorizer = WebSocketEvent.authorizer(connection.principal(),
                call.eventType().equals("CONNECT"));
        if (!authorizer.isEmpty()) {
            // Set whole: context keys may contain dots, which set() would read as nesting.
            context.set("authorizer", new LinkedHashMap<>(authorizer));
        }
        context.set("apiId", connection.apiId());
        context.set("connectedAt", connection.connectedAtEpochMillis());
        context.set("connectionId", connection.connectionId());
        context.set("domainName", connection.domainName());
        context.set("eventType", call.eventType());
        context.set("extendedRequestId", call.requestId());
        context.set("identity.sourceIp", connection.sourceIp());
        context.set("identity.userAgent", connection.userAgent());
        if (call.messageId() != null) {
            context.set("messageId", call.messageId());
        }
        context.set("messageDirection", "IN");
        context.set("requestId", call.requestId());
        context.set("requestTime", RequestContextV1.requestTime(call.time()));
        context.set("requestTimeEpoch", call.time().toEpochMilli());
        context.set("routeKey", call.routeKey());
        context.set("stage", connection.stage());
        return context;
    }

    /**
     * The rendered request template over the message ({@code $input.body}), or empty without one.
     *
     * @throws dev.apigw.emulator.mapping.TemplateException when rendering fails
     */
    Optional<String> request(WebSocketRouteCall call, ContextVariable context) {
        if (requestTemplate == null) {
            return Optional.empty();
        }
        return Optional.of(render(requestTemplate, call.body() == null ? "" : call.body(), call, context));
    }

    /**
     * What the route response sends for the integration's output: the selected integration response's template
     * output, or {@code body} itself when it has no template; empty when no integration response matches.
     *
     * @param selectionValue the status code or Lambda error message; null for a successful Lambda result
     * @throws dev.apigw.emulator.mapping.TemplateException when rendering fails
     */
    Optional<String> response(@Nullable String selectionValue, String body, WebSocketRouteCall call,
            ContextVariable context) {
        Response selected = select(selectionValue);
        if (selected == null) {
            return Optional.empty();
        }
        return Optional.of(selected.template() == null ? body : render(selected.template(), body, call, context));
    }

    /** Whether a function error matches a pattern (else AWS answers it as an integration failure). */
    boolean matchesError(String errorMessage) {
        return patterned.stream().anyMatch(r -> r.pattern() != null && r.pattern().matcher(errorMessage).matches());
    }

    private @Nullable Response select(@Nullable String value) {
        if (value != null) {
            for (Response response : patterned) {
                if (response.pattern() != null && response.pattern().matcher(value).matches()) {
                    return response;
                }
            }
        }
        return defaultResponse;
    }

    private String render(Template template, String payload, WebSocketRouteCall call, ContextVariable context) {
        InputVariable input = new InputVariable(payload, parameters(call));
        return engine.render(template, new TemplateScope(input, context, stageVariables, UTIL));
    }

    /** {@code $input.params()}: the handshake's headers and query on {@code $connect}, nothing afterwards. */
    private static MethodRequestParameters parameters(WebSocketRouteCall call) {
        if (!call.eventType().equals("CONNECT")) {
            return MethodRequestParameters.none();
        }
        return new MethodRequestParameters(Map.of(), call.connection().connectQuery(),
                call.connection().connectHeaders());
    }

    private static @Nullable Template chosen(Map<String, String> templates, MappingTemplates engine, String location) {
        Map<String, String> byType = new LinkedHashMap<>();
        templates.forEach((type, text) -> byType.put(type.toLowerCase(Locale.ROOT), type));
        String key = byType.containsKey("application/json") ? byType.get("application/json")
                : byType.containsKey("$default") ? byType.get("$default")
                : templates.keySet().stream().sorted().findFirst().orElse(null);
        if (key == null || templates.get(key).isBlank()) {
            return null;
        }
        return engine.compile(templates.get(key), location + "." + key);
    }

    private static @Nullable Pattern pattern(IntegrationResponse response, String location) {
        String pattern = response.selectionPattern();
        if (response.isDefault() || pattern.isEmpty() || pattern.equals("$default")) {
            return null;
        }
        // WebSocket integration response keys may wrap the expression in slashes: /2\d\d/ [D].
        if (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")) {
            pattern = pattern.substring(1, pattern.length() - 1);
        }
        return IntegrationResponseRules.compile(pattern, location).orElse(null);
    }
}
