package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-gateway-responses}: a REST API's customised gateway responses, by response type. As
 * with PutGatewayResponse, fields left out keep the type's defaults.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html">
 *     x-amazon-apigateway-gateway-responses</a>
 */
public final class GatewayResponsesExtension {

    public static final String NAME = "x-amazon-apigateway-gateway-responses";

    private GatewayResponsesExtension() {}

    public static Map<GatewayResponseType, GatewayResponse> read(SpecNode node, Problems problems) {
        Map<GatewayResponseType, GatewayResponse> responses = new EnumMap<>(GatewayResponseType.class);
        node.fields(problems).forEach((name, response) -> {
            GatewayResponseType type = type(name, response, problems);
            if (type == null) {
                return;
            }
            if (!response.isObject()) {
                problems.error(response.location(), "expected an object (statusCode, responseParameters,"
                        + " responseTemplates) but found `" + response.toJson() + "`.");
                return;
            }
            responses.put(type, new GatewayResponse(
                    statusCode(response.get("statusCode"), problems),
                    response.get("responseParameters").textMap(problems),
                    response.get("responseTemplates").textMap(problems)));
        });
        return responses;
    }

    private static @Nullable GatewayResponseType type(String name, SpecNode response, Problems problems) {
        try {
            return GatewayResponseType.fromSpec(name);
        } catch (IllegalArgumentException e) {
            problems.error(response.location(), "unknown gateway response type `" + name + "`. Expected one of "
                    + String.join(", ", SpecNode.names(GatewayResponseType.values())) + ".");
            return null;
        }
    }

    private static @Nullable String statusCode(SpecNode node, Problems problems) {
        String statusCode = node.text(problems);
        if (statusCode != null && !statusCode.matches("[1-5]\\d\\d")) {
            problems.error(node.location(), "statusCode `" + statusCode + "` is not an HTTP status code. Expected"
                    + " a number from 100 to 599, written as a string such as \"403\".");
            return null;
        }
        return statusCode;
    }
}
