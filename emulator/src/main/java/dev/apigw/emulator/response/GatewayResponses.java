package dev.apigw.emulator.response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.model.GatewayResponseType;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link GatewayError} into the response AWS sends: on REST APIs the API's gateway response for the
 * error's type (customised through {@code x-amazon-apigateway-gateway-responses}, with DEFAULT_4XX / DEFAULT_5XX
 * inherited by types not customised themselves), on HTTP APIs a fixed body.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
public final class GatewayResponses {
    private static final String JSON = "application/json";

    private final boolean httpApi;
    private final Map<GatewayResponseType, dev.apigw.model.GatewayResponse> customised;

    private GatewayResponses(boolean httpApi, Map<GatewayResponseType, dev.apigw.model.GatewayResponse> customised) {
        this.httpApi = httpApi;
        this.customised = Map.copyOf(customised);
    }

    public static GatewayResponses forRestApi(Map<GatewayResponseType, dev.apigw.model.GatewayResponse> customised) {
        return new GatewayResponses(false, customised);
    }

    public static GatewayResponses forHttpApi() {
        return new GatewayResponses(true, Map.of());
    }

    /** The client response for an error; {@code variables} fill {@code $context.*} / {@code $stageVariables.*}. */
    public GatewayResponse render(GatewayError error, TemplateVariables variables) {
        return render(error, error.restMessage(), variables);
    }

    /** As {@link #render(GatewayError, TemplateVariables)} with the message AWS filled in for this request. */
    public GatewayResponse render(GatewayError error, @Nullable String message, TemplateVariables variables) {
        if (httpApi) {
            return json(error.httpApiStatus(), error.httpApiBody(), List.of());
        }
        dev.apigw.model.GatewayResponse custom = effective(error);
        List<Header> headers = new ArrayList<>();
        if (error.errorType() != null) {
            headers.add(new Header("x-amzn-ErrorType", error.errorType()));
        }
        if (custom == null) {
            return json(error.restStatus(), error.restDefaultBody(message), headers);
        }
        int status = custom.statusCode() != null ? parseStatus(custom.statusCode(), error.restStatus()) : error.restStatus();
        custom.responseParameters().forEach((target, source) -> {
            if (target.startsWith("gatewayresponse.header.")) {
                headers.add(new Header(target.substring("gatewayresponse.header.".length()), variables.valueOf(source)));
            }
        });
        String contentType = custom.responseTemplates().containsKey(JSON) || custom.responseTemplates().isEmpty()
                ? JSON : custom.responseTemplates().keySet().iterator().next();
        String template = custom.responseTemplates().get(contentType);
        String body = template == null ? error.restDefaultBody(message) : variables.render(template, error, message);
        headers.add(0, new Header("Content-Type", contentType));
        return new GatewayResponse(status, new Headers(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client response for a short-circuit: a REST API's customised gateway response if it has one, else the
     * refusal's exact default answer if it carries one (HTTP APIs cannot customise theirs), else the error's
     * default.
     */
    public GatewayResponse render(GatewayException e, TemplateVariables variables) {
        GatewayException.DefaultAnswer answer = e.defaultAnswer();
        if (answer != null && (httpApi || effective(e.error()) == null)) {
            List<Header> headers = new ArrayList<>();
            if (answer.errorType() != null) {
                headers.add(new Header("x-amzn-ErrorType", answer.errorType()));
            }
            answer.headers().forEach((name, value) -> headers.add(new Header(name, value)));
            return json(answer.status(), answer.body(), headers);
        }
        return render(e.error(), e.clientMessage(), variables);
    }

    /** The type's own customisation, else DEFAULT_4XX / DEFAULT_5XX for its status class, else none. */
    private dev.apigw.model.@Nullable GatewayResponse effective(GatewayError error) {
        if (error == GatewayError.LAMBDA_REQUEST_TOO_LONG) {
            // AWS does not apply a customised REQUEST_TOO_LARGE (or DEFAULT_4XX) gateway response to it (known issues).
            return null;
        }
        dev.apigw.model.GatewayResponse own = customised.get(error.responseType());
        if (own != null) {
            return own;
        }
        return customised.get(error.restStatus() >= 500 ? GatewayResponseType.DEFAULT_5XX : GatewayResponseType.DEFAULT_4XX);
    }

    private static int parseStatus(String status, int fallback) {
        try {
            return Integer.parseInt(status.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static GatewayResponse json(int status, String body, List<Header> extra) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", JSON));
        headers.addAll(extra);
        return new GatewayResponse(status, new Headers(headers), body.getBytes(StandardCharsets.UTF_8));
    }
}
