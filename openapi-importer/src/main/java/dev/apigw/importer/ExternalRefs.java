package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bounds what a {@code $ref} may reach before swagger-parser follows it: never a URL (no request leaves the machine,
 * and a spec cannot make apigw read {@code file:} URLs), and no file outside the directory relative paths are
 * resolved against (the working directory, where swagger-parser reads them), so {@code ../../etc/passwd} is refused.
 */
final class ExternalRefs {
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private ExternalRefs() {}

    /** Reports every refused {@code $ref}; true when there was none. */
    static boolean check(JsonNode root, Problems problems) {
        int before = problems.list().size();
        Path base = Path.of("").toAbsolutePath().normalize();
        walk(root, "", base, problems);
        return problems.list().size() == before;
    }

    private static void walk(JsonNode node, String location, Path base, Problems problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = location.isEmpty() ? field.getKey() : location + "." + field.getKey();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    check(field.getValue().asText(), at, base, problems);
                } else {
                    walk(field.getValue(), at, base, problems);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, location, base, problems);
            }
        }
    }

    private static void check(String ref, String location, Path base, Problems problems) {
        if (ref.startsWith("#") || AwsModelRefs.isModelUrl(ref)) {
            // A model URL in API Gateway's own form names a model of this document (AwsModelRefs).
            return;
        }
        if (URL.matcher(ref).find()) {
            problems.error(location, "`$ref: " + ref + "` refers to a URL; apigw reads no remote or `file:`"
                    + " references. Save the document next to the spec and refer to it by a relative path.");
            return;
        }
        String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        try {
            if (!base.resolve(file).normalize().startsWith(base)) {
                problems.error(location, "`$ref: " + ref + "` leaves the directory references are read from ("
                        + base + "). Move the file into it.");
            }
        } catch (InvalidPathException e) {
            problems.error(location, "`$ref: " + ref + "` is not a file path. Write it as `file.yaml#/pointer`.");
        }
    }
}
