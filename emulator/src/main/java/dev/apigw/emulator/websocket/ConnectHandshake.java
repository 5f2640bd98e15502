package dev.apigw.emulator.websocket;

import java.util.List;
import java.util.Map;
import dev.apigw.emulator.auth.WebSocketAuthorizer;
import org.jspecify.annotations.Nullable;

/**
 * One handshake as the {@code $connect} authorizer reads it: the authorizer event's headers, the upgrade URL's query,
 * the stage variables and the {@code $connect} request's {@code $context}. The event shares the {@code $connect}
 * call's request id and time, as both belong to the same request.
 */
final class ConnectHandshake implements WebSocketAuthorizer.Handshake {
    private final WebSocketRouteCall call;
    private final Map<String, String> stageVariables;
    private final Map<String, List<String>> headers;

    ConnectHandshake(WebSocketRouteCall call, Map<String, String> stageVariables) {
        this.call = call;
        this.stageVariables = stageVariables;
        this.headers = WebSocketEventHeaders.authorizer(call.connection(), call.time());
    }

    @Override
    public String apiId() {
        return call.connection().apiId();
    }

    /** The headers map ignores case; the event's single-value map shows the last value, so that is the one read. */
    @Override
    public @Nullable String header(String name) {
        return last(headers.get(name));
    }

    @Override
    public @Nullable String queryParameter(String name) {
        return last(call.connection().connectQuery().get(name));
    }

    @Override
    public @Nullable String stageVariable(String name) {
        return stageVariables.get(name);
    }

    @Override
    public @Nullable String contextVariable(String dottedName) {
        return WebSocketMapping.contextOf(call).lookup(dottedName).orElse(null);
    }

    @Override
    public byte[] event(String methodArn) {
        return WebSocketEvent.authorizerRequest(call.connection(), headers, methodArn, stageVariables,
                call.requestId(), call.time());
    }

    private static @Nullable String last(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
