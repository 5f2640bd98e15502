package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.TemplateException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code http_proxy} (no mapping) and {@code http} (with mapping templates): the message — or the rendered request
 * template — is sent with the integration's method to the URI ({@code ${stageVariables.x}} substituted); the
 * backend's status decides {@code $connect}, and its body (or the integration response's template output) is the
 * route response's frame. A backend that cannot be reached or times out is an integration failure.
 */
record WebSocketHttpRoute(HttpClient client, URI uri, String method, Duration timeout,
        @Nullable WebSocketMapping mapping) implements WebSocketRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketHttpRoute.class);
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

    /** @throws IllegalArgumentException for a URI that is not absolute http(s) */
    WebSocketHttpRoute(HttpClient client, String uri, Map<String, String> stageVariables, String method,
            Duration timeout, @Nullable WebSocketMapping mapping) {
        this(client, target(uri, stageVariables), method.equals("ANY") ? "POST" : method, timeout, mapping);
    }

    @Override
    public WebSocketRouteResult invoke(WebSocketRouteCall call) {
        ContextVariable context = mapping == null ? ContextVariable.empty() : mapping.context(call);
        try {
            String body = call.body();
            if (mapping != null && mapping.hasRequestTemplate()) {
                body = mapping.request(call, context).orElse(body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            request.header("X-Forwarded-For", call.connection().sourceIp());
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String answer = new String(response.body(), StandardCharsets.UTF_8);
            String frame = mapping == null ? answer
                    : mapping.response(String.valueOf(response.statusCode()), answer, call, context).orElse(null);
            return WebSocketRouteResult.of(response.statusCode(), frame);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("[{}] Execution failed due to a network error communicating with {}: {}", call.requestId(), uri,
                    e.toString());
            return WebSocketRouteResult.failure();
        } catch (TemplateException e) {
            LOG.warn("[{}] Execution failed due to a mapping template error: {}", call.requestId(), e.getMessage());
            return WebSocketRouteResult.failure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebSocketRouteResult.failure();
        }
    }

    private static URI target(String uri, Map<String, String> stageVariables) {
        Matcher m = STAGE_VARIABLE.matcher(uri);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(resolved, Matcher.quoteReplacement(stageVariables.getOrDefault(m.group(1), "")));
        }
        m.appendTail(resolved);
        URI target = URI.create(resolved.toString());
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("the uri '" + uri + "' is not an absolute http(s) URL");
        }
        return target;
    }
}
