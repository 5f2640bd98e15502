package dev.apigw.emulator.support;

import java.util.List;

/**
 * What a WebSocket API ({@code x-apigw-websocket}) asks of {@code $connect} that apigw does not check yet: API keys
 * ({@code apiKeySelectionExpression}). The {@code $connect} authorizer is enforced.
 */
final class WebSocketSettings {

    static final String EXTENSION = "x-apigw-websocket";

    private WebSocketSettings() {}

    static void collect(WrittenNode root, List<Unenforced> into) {
        WrittenNode webSocket = root.get(EXTENSION);
        WrittenNode apiKeys = webSocket.get("apiKeySelectionExpression");
        if (apiKeys.isPresent()) {
            into.add(apiKeys.unenforced(EXTENSION + ".apiKeySelectionExpression", "connections are accepted"
                    + " without an API key"));
        }
    }
}
