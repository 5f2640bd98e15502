package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.ApiType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.PayloadFormatVersion;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code x-amazon-apigateway-integration} that every integration type carries, read completely
 * (AWS stores them all, whether or not the type uses them).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html">
 *     x-amazon-apigateway-integration</a>
 */
final class IntegrationSettings {

    private static final int MIN_TIMEOUT_MILLIS = 50;

    private IntegrationSettings() {}

    /** @param defaultHttpMethod the {@code httpMethod} when the document has none (null: none) */
    static IntegrationOptions read(SpecNode node, ApiType apiType, @Nullable String defaultHttpMethod,
            Problems problems) {
        String credentials = node.get("credentials").text(problems);
        ConnectionType connectionType = node.get("connectionType")
                .oneOf(problems, ConnectionType::fromSpec, SpecNode.names(ConnectionType.values()));
        PassthroughBehavior passthrough = node.get("passthroughBehavior")
                .oneOf(problems, PassthroughBehavior::fromSpec, SpecNode.names(PassthroughBehavior.values()));
        return new IntegrationOptions(
                node.get("httpMethod").isPresent() ? node.get("httpMethod").text(problems) : defaultHttpMethod,
                credentials == null ? null : AwsVariables.resolve(credentials),
                connectionType == null ? ConnectionType.INTERNET : connectionType,
                node.get("connectionId").text(problems),
                node.get("requestParameters").textMap(problems),
                node.get("requestTemplates").textMap(problems),
                passthrough == null ? PassthroughBehavior.WHEN_NO_MATCH : passthrough,
                node.get("contentHandling")
                        .oneOf(problems, ContentHandling::fromSpec, SpecNode.names(ContentHandling.values())),
                timeoutInMillis(node.get("timeoutInMillis"), apiType, problems),
                node.get("cacheKeyParameters").textList(problems),
                node.get("cacheNamespace").text(problems),
                IntegrationResponsesExtension.read(node.get("responses"), problems),
                apiType == ApiType.HTTP ? httpResponseParameters(node.get("responseParameters"), problems) : Map.of(),
                node.get("tlsConfig").get("insecureSkipVerification").bool(problems, false));
    }

    /**
     * 50 ms to 29 s on REST APIs (more only after a quota increase), 50 ms to 30 s on HTTP APIs, 50 ms to 29 s on
     * WebSocket APIs.
     */
    private static int timeoutInMillis(SpecNode node, ApiType apiType, Problems problems) {
        boolean rest = apiType == ApiType.REST;
        int standard = apiType == ApiType.HTTP
                ? IntegrationOptions.DEFAULT_HTTP_TIMEOUT_MILLIS
                : IntegrationOptions.DEFAULT_REST_TIMEOUT_MILLIS;
        Integer timeout = node.integer(problems);
        if (timeout == null) {
            return standard;
        }
        if (timeout < MIN_TIMEOUT_MILLIS || timeout > standard && !rest) {
            problems.error(node.location(), "timeoutInMillis " + timeout + " is out of range. Expected "
                    + MIN_TIMEOUT_MILLIS + " to " + standard + " (milliseconds).");
            return standard;
        }
        if (timeout > standard) {
            problems.warning(node.location(), "timeoutInMillis " + timeout + " is above the REST API limit of "
                    + standard + " ms. AWS accepts it only for Regional and private APIs after a quota increase;"
                    + " use at most " + standard + " otherwise.");
        }
        return timeout;
    }

    /**
     * REST APIs always send payload format 1.0, and WebSocket APIs their own event (recorded as 1.0); HTTP APIs
     * require the field, and AWS's console picks 2.0.
     */
    static PayloadFormatVersion payloadFormatVersion(SpecNode node, ApiType apiType, Problems problems) {
        if (apiType != ApiType.HTTP) {
            if (node.isPresent() && !"1.0".equals(node.text(problems))) {
                problems.warning(node.location(), "payloadFormatVersion `" + node.text(problems) + "` is ignored: "
                        + (apiType == ApiType.REST ? "REST APIs always send payload format 1.0"
                                : "WebSocket APIs send their own event") + ". Remove it.");
            }
            return PayloadFormatVersion.V1_0;
        }
        if (!node.isPresent()) {
            problems.warning(node.location(), "payloadFormatVersion is required by AWS; assuming 2.0. Add"
                    + " payloadFormatVersion: \"2.0\" (or \"1.0\" for the REST-style event).");
            return PayloadFormatVersion.V2_0;
        }
        PayloadFormatVersion version = node.oneOf(problems, PayloadFormatVersion::fromSpec, List.of("1.0", "2.0"));
        return version == null ? PayloadFormatVersion.V2_0 : version;
    }

    /** HTTP APIs map response parameters per backend status code: {@code {"200": {"append:header.x": "..."}}}. */
    private static Map<String, Map<String, String>> httpResponseParameters(SpecNode node, Problems problems) {
        Map<String, Map<String, String>> byStatus = new LinkedHashMap<>();
        node.fields(problems).forEach((status, mappings) -> byStatus.put(status, mappings.textMap(problems)));
        return byStatus;
    }
}
