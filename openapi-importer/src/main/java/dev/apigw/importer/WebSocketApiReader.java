package dev.apigw.importer;

import dev.apigw.importer.extensions.SpecNode;
import dev.apigw.importer.extensions.WebSocketExtension;
import dev.apigw.model.ApiType;
import dev.apigw.model.WebSocketApi;
import org.jspecify.annotations.Nullable;

/**
 * Builds a WebSocket API from apigw's root {@code x-apigw-websocket} extension and the document's security
 * schemes. {@code paths} do not apply to WebSocket APIs and are ignored.
 */
final class WebSocketApiReader {

    private WebSocketApiReader() {}

    static @Nullable WebSocketApi read(ParsedSpec spec, String title, Problems problems) {
        ApiContext context = ApiContext.create(spec, ApiType.WEBSOCKET, problems);
        ExtensionNames.checkRoot(spec.openApi().getExtensions(), ApiType.WEBSOCKET, problems);
        if (!spec.root().path("paths").isEmpty()) {
            problems.warning("paths", "paths are ignored by WebSocket APIs, whose routes are under "
                    + WebSocketExtension.NAME + ".routes. Remove them, or import the document as a REST or HTTP API.");
        }
        SecuritySchemes schemes = context.schemes();
        WebSocketExtension extension = new WebSocketExtension(context.integrations(), schemes.authorizers(),
                schemes.names(), schemes.withAuthorizer(), schemes.location(), problems);
        return extension.read(SpecNode.of(spec.root().get(WebSocketExtension.NAME), WebSocketExtension.NAME), title);
    }
}
