package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.IntegrationResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-integration.responses}: selection pattern ({@code default} or a regular expression)
 * → {@code statusCode}, {@code responseParameters}, {@code responseTemplates}, {@code contentHandling}, kept in
 * document order.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html">
 *     x-amazon-apigateway-integration.responses</a>
 */
final class IntegrationResponsesExtension {

    private IntegrationResponsesExtension() {}

    static List<IntegrationResponse> read(SpecNode responses, Problems problems) {
        List<IntegrationResponse> read = new ArrayList<>();
        for (Map.Entry<String, SpecNode> entry : responses.fields(problems).entrySet()) {
            SpecNode response = entry.getValue();
            String statusCode = statusCode(response, problems);
            if (statusCode == null) {
                continue;
            }
            read.add(new IntegrationResponse(
                    entry.getKey(),
                    statusCode,
                    response.get("responseParameters").textMap(problems),
                    response.get("responseTemplates").textMap(problems),
                    response.get("contentHandling").oneOf(
                            problems, ContentHandling::fromSpec, SpecNode.names(ContentHandling.values()))));
        }
        return read;
    }

    private static @Nullable String statusCode(SpecNode response, Problems problems) {
        SpecNode node = response.get("statusCode");
        String statusCode = node.text(problems);
        if (statusCode == null) {
            problems.error(response.location(), "missing statusCode: an integration response selects the method"
                    + " response with that status. Add statusCode: \"200\" (or another status the method declares).");
        } else if (!statusCode.matches("[1-5]\\d\\d")) {
            problems.error(node.location(), "statusCode `" + statusCode + "` is not an HTTP status code. Expected"
                    + " a number from 100 to 599, written as a string such as \"200\".");
            return null;
        }
        return statusCode;
    }
}
