package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import java.util.List;

/**
 * {@code x-amazon-apigateway-binary-media-types}: the media types (wildcards allowed) that a REST API treats as
 * binary.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-binary-media-types.html">
 *     x-amazon-apigateway-binary-media-types</a>
 */
public final class BinaryMediaTypesExtension {

    public static final String NAME = "x-amazon-apigateway-binary-media-types";

    private BinaryMediaTypesExtension() {}

    public static List<String> read(SpecNode node, Problems problems) {
        List<String> types = node.textList(problems);
        for (String type : types) {
            if (!type.contains("/")) {
                problems.error(node.location(), "`" + type + "` is not a media type. Expected type/subtype, such"
                        + " as image/png, image/* or */*.");
            }
        }
        return types;
    }
}
