package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-minimum-compression-size}: the smallest response body, in bytes, that a REST API
 * compresses (0 to 10485760); absent means compression is off.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-openapi-minimum-compression-size.html">
 *     x-amazon-apigateway-minimum-compression-size</a>
 */
public final class MinimumCompressionSizeExtension {

    public static final String NAME = "x-amazon-apigateway-minimum-compression-size";
    private static final int MAX = 10_485_760;

    private MinimumCompressionSizeExtension() {}

    public static @Nullable Integer read(SpecNode node, Problems problems) {
        Integer size = node.integer(problems);
        if (size != null && (size < 0 || size > MAX)) {
            problems.error(node.location(), "minimum compression size " + size + " is out of range. Expected 0 to "
                    + MAX + " (bytes), or remove it to turn compression off.");
            return null;
        }
        return size;
    }
}
