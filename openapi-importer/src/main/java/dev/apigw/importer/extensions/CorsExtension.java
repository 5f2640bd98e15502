package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.Cors;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-cors}: an HTTP API's CORS configuration, with which API Gateway answers preflight
 * requests itself.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-cors-configuration.html">
 *     x-amazon-apigateway-cors</a>
 */
public final class CorsExtension {

    public static final String NAME = "x-amazon-apigateway-cors";
    private static final int MIN_MAX_AGE = -1;
    private static final int MAX_MAX_AGE = 86_400;

    private CorsExtension() {}

    public static @Nullable Cors read(SpecNode node, Problems problems) {
        if (!node.isPresent()) {
            return null;
        }
        if (!node.isObject()) {
            problems.error(node.location(), "expected an object (allowOrigins, allowMethods, ...) but found `"
                    + node.toJson() + "`.");
            return null;
        }
        return new Cors(
                node.get("allowOrigins").textList(problems),
                node.get("allowMethods").textList(problems),
                node.get("allowHeaders").textList(problems),
                node.get("exposeHeaders").textList(problems),
                maxAge(node.get("maxAge"), problems),
                node.get("allowCredentials").bool(problems, false));
    }

    private static @Nullable Integer maxAge(SpecNode node, Problems problems) {
        Integer maxAge = node.integer(problems);
        if (maxAge != null && (maxAge < MIN_MAX_AGE || maxAge > MAX_MAX_AGE)) {
            problems.error(node.location(), "maxAge " + maxAge + " is out of range. Expected " + MIN_MAX_AGE
                    + " to " + MAX_MAX_AGE + " (seconds).");
            return null;
        }
        return maxAge;
    }
}
