package dev.apigw.importer.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.importer.Problems;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-any-method}: the operation of API Gateway's catch-all {@code ANY} method.
 *
 * <p>Being an extension, swagger-parser leaves its value as a raw map: it would not resolve its {@code $ref}s,
 * merge the path item's parameters into it, or convert its Swagger 2.0 body parameters. So before parsing,
 * {@link #lift} moves each one into a synthetic path item {@code "<path>#x-amazon-apigateway-any-method"} (a
 * {@code #} cannot occur in a real path) as its {@code post} operation, next to a copy of the path item's
 * {@code parameters}; swagger-parser then reads it like any other operation, and {@link #operation} takes it back.
 */
public final class AnyMethodExtension {

    public static final String NAME = "x-amazon-apigateway-any-method";

    private static final String SYNTHETIC_SUFFIX = "#" + NAME;
    // AWS writes this marker into exported $default routes; it is not part of an operation object.
    private static final String DEFAULT_ROUTE_MARKER = "isDefaultRoute";

    private AnyMethodExtension() {}

    /** Moves every {@code x-amazon-apigateway-any-method} of {@code root.paths} into its synthetic path item. */
    public static void lift(JsonNode root, Problems problems) {
        if (!(root.path("paths") instanceof ObjectNode paths)) {
            return;
        }
        ObjectNode lifted = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : paths.properties()) {
            lifted.set(entry.getKey(), entry.getValue());
            if (!(entry.getValue() instanceof ObjectNode item) || !item.has(NAME)) {
                continue;
            }
            JsonNode any = item.remove(NAME);
            if (!(any instanceof ObjectNode operation)) {
                problems.error("paths." + entry.getKey() + "." + NAME,
                        "expected an operation object (with x-amazon-apigateway-integration) but found "
                                + (any.isArray() ? "a list" : "`" + any.asText() + "`") + ".");
                continue;
            }
            operation.remove(DEFAULT_ROUTE_MARKER);
            ObjectNode synthetic = lifted.putObject(entry.getKey() + SYNTHETIC_SUFFIX);
            if (item.has("parameters")) {
                synthetic.set("parameters", item.get("parameters"));
            }
            synthetic.set("post", operation);
        }
        paths.removeAll();
        paths.setAll(lifted);
    }

    /** Whether a key of the parsed {@code paths} is a synthetic one made by {@link #lift}. */
    public static boolean isSynthetic(String pathKey) {
        return pathKey.endsWith(SYNTHETIC_SUFFIX);
    }

    /** The parsed {@code ANY} operation of {@code path}, if the document declares one. */
    public static @Nullable Operation operation(@Nullable Paths paths, String path) {
        PathItem synthetic = paths == null ? null : paths.get(path + SYNTHETIC_SUFFIX);
        return synthetic == null ? null : synthetic.getPost();
    }

    /** A swagger-parser message with synthetic path keys turned back into what the document says. */
    public static String restoreLocations(String message) {
        return message.replace(SYNTHETIC_SUFFIX + "'(post)", "'(" + NAME + ")").replace(SYNTHETIC_SUFFIX, "");
    }
}
