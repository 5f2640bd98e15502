package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.ApiType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.PassthroughBehavior;
import java.util.LinkedHashMap;
import java.util.Map;

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

    static IntegrationOptions read(SpecNode node, ApiType apiType, Problems problems) {
        String credentials = node.get("credentials").text(problems);
        ConnectionType connectionType = node.get("connectionType")
                .oneOf(problems, ConnectionType::fromSpec, SpecNode.names(ConnectionType.values()));
        PassthroughBehavior passthrough = node.get("passthroughBehavior")
                .oneOf(problems, PassthroughBehavior::fromSpec, SpecNode.names(PassthroughBehavior.values()));
        return new IntegrationOptions(
                node.get("httpMethod").text(problems),
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

    /** 50 ms to 29 s on REST APIs (more only after a quota increase), 50 ms to 30 s on HTTP APIs. */
    private static int timeoutInMillis(SpecNode node, ApiType apiType, Problems problems) {
        boolean rest = apiType == ApiType.REST;
        int standard = rest
                ? IntegrationOptions.DEFAULT_REST_TIMEOUT_MILLIS
                : IntegrationOptions.DEFAULT_HTTP_TIMEOUT_MILLIS;
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

    /** HTTP APIs map response parameters per backend status code: {@code {"200": {"append:header.x": "..."}}}. */
    private static Map<String, Map<String, String>> httpResponseParameters(SpecNode node, Problems problems) {
        Map<String, Map<String, String>> byStatus = new LinkedHashMap<>();
        node.fields(problems).forEach((status, mappings) -> byStatus.put(status, mappings.textMap(problems)));
        return byStatus;
    }
}
