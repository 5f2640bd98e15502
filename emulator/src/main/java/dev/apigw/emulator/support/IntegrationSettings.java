package dev.apigw.emulator.support;

import dev.apigw.model.ApiType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of {@code x-amazon-apigateway-integration} that apigw reads but does not act on: caching, VPC links
 * and the TLS settings of the call to the backend. Each integration is looked at where it is written: in an
 * operation, under {@code components.x-amazon-apigateway-integrations} when an HTTP API route refers to it (once, however
 * many routes do), or in a WebSocket route of {@code x-apigw-websocket}.
 */
final class IntegrationSettings {

    static final String INTEGRATION = "x-amazon-apigateway-integration";
    private static final String REUSABLE = "x-amazon-apigateway-integrations";
    private static final String REF_PREFIX = "#/components/" + REUSABLE + "/";

    private final ApiType apiType;
    private final WrittenNode root;
    private final List<Unenforced> into;
    private final Set<String> seen = new HashSet<>();

    private IntegrationSettings(ApiType apiType, WrittenNode root, List<Unenforced> into) {
        this.apiType = apiType;
        this.root = root;
        this.into = into;
    }

    static void collect(WrittenNode root, ApiType apiType, List<Unenforced> into) {
        IntegrationSettings settings = new IntegrationSettings(apiType, root, into);
        if (apiType == ApiType.WEBSOCKET) {
            root.get(WebSocketSettings.EXTENSION).get("routes").fields().values()
                    .forEach(route -> settings.check(route.get("integration")));
            return;
        }
        for (WrittenNode pathItem : root.get("paths").fields().values()) {
            // Operations are the path item's fields that carry an integration; the rest (parameters, summary) never do.
            pathItem.fields().values().forEach(operation -> settings.check(settings.dereference(operation.get(INTEGRATION))));
        }
    }

    /** The reusable integration a {@code $ref} names (HTTP APIs), else the integration itself. */
    private WrittenNode dereference(WrittenNode integration) {
        String ref = integration.get("$ref").isPresent() ? integration.get("$ref").text() : "";
        if (!ref.startsWith(REF_PREFIX)) {
            return integration;
        }
        String name = ref.substring(REF_PREFIX.length()).replace("~1", "/").replace("~0", "~");
        return root.get("components").get(REUSABLE).get(name);
    }

    private void check(WrittenNode integration) {
        if (!integration.isPresent() || !seen.add(integration.location())) {
            return;
        }
        // cacheKeyParameters are enforced: the stage cache (configured outside the document, as on AWS) keys by them.
        WrittenNode connectionType = integration.get("connectionType");
        if (connectionType.isPresent() && connectionType.text().equalsIgnoreCase("VPC_LINK")) {
            WrittenNode connectionId = integration.get("connectionId");
            into.add(connectionType.unenforced(INTEGRATION + ".connectionType", "apigw calls the uri from this"
                    + " machine, not through " + (connectionId.isPresent() ? "VPC link " + connectionId.text()
                            : "a VPC link")));
        }
        WrittenNode tlsConfig = integration.get("tlsConfig");
        WrittenNode skipVerification = tlsConfig.get("insecureSkipVerification");
        // [D] insecureSkipVerification is a REST API setting of HTTP integrations; serverNameToVerify an HTTP API
        // setting of private integrations.
        if (apiType == ApiType.REST && skipVerification.isTrue()) {
            into.add(skipVerification.unenforced(INTEGRATION + ".tlsConfig.insecureSkipVerification", "apigw"
                    + " verifies the backend's certificate against the JVM's trust store, so a self-signed or"
                    + " privately issued certificate fails the call"));
        }
        WrittenNode serverName = tlsConfig.get("serverNameToVerify");
        if (apiType == ApiType.HTTP && serverName.isPresent()) {
            into.add(serverName.unenforced(INTEGRATION + ".tlsConfig.serverNameToVerify", "apigw verifies the"
                    + " backend's certificate against the host name of the uri instead"));
        }
    }
}
