package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-auth}: an operation's authorization type, {@code {"type": "NONE" | "AWS_IAM"}}
 * (case-insensitive), returned in upper case.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-auth.html">
 *     x-amazon-apigateway-auth</a>
 */
public final class AuthExtension {

    public static final String NAME = "x-amazon-apigateway-auth";
    private static final List<String> TYPES = List.of("NONE", "AWS_IAM");

    private AuthExtension() {}

    public static @Nullable String read(SpecNode node, Problems problems) {
        if (!node.isPresent()) {
            return null;
        }
        if (!node.isObject()) {
            problems.error(node.location(), "expected an object such as {type: AWS_IAM} but found `" + node.toJson()
                    + "`.");
            return null;
        }
        return node.get("type").oneOf(problems, AuthExtension::parse, TYPES);
    }

    private static String parse(String written) {
        String type = written.trim().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(written);
        }
        return type;
    }
}
