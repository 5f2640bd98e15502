package dev.apigw.importer;

import dev.apigw.importer.extensions.WebSocketExtension;
import dev.apigw.model.ApiType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Warns about {@code x-amazon-apigateway-*} extensions that API Gateway would ignore: misspelt ones (with the
 * closest known name), and ones that belong to another kind of API. Also checks apigw's own root extensions
 * ({@code x-apigw-*}): {@code x-apigw-websocket} is read only for WebSocket APIs.
 */
final class ExtensionNames {

    private static final String PREFIX = "x-amazon-apigateway-";
    private static final String APIGW_PREFIX = "x-apigw-";
    static final String WEBSOCKET = WebSocketExtension.NAME;
    private static final Set<String> APIGW_ROOT = Set.of("websocket");
    private static final Set<String> ROOT_REST_ONLY = Set.of("api-key-source", "binary-media-types",
            "documentation", "endpoint-access-mode", "gateway-responses", "minimum-compression-size", "policy",
            "request-validator", "request-validators", "security-policy");
    private static final Set<String> ROOT_HTTP_ONLY = Set.of("cors", "importexport-version");
    private static final Set<String> ROOT_BOTH = Set.of("endpoint-configuration", "tag-value");
    private static final Set<String> OPERATION_REST_ONLY = Set.of("request-validator");
    private static final Set<String> OPERATION_BOTH = Set.of("integration", "auth");
    private static final int MAX_TYPO_DISTANCE = 3;

    private ExtensionNames() {}

    static void checkRoot(@Nullable Map<String, Object> extensions, ApiType apiType, Problems problems) {
        check(extensions, "", apiType, ROOT_REST_ONLY, ROOT_HTTP_ONLY, ROOT_BOTH, problems);
        if (extensions == null) {
            return;
        }
        for (String name : extensions.keySet()) {
            if (name.equals(WEBSOCKET) && apiType != ApiType.WEBSOCKET) {
                problems.warning(name, "`" + name + "` describes a WebSocket API: this " + label(apiType)
                        + " API ignores it. Import the document as a WebSocket API (api type websocket) to use it.");
            } else if (name.startsWith(APIGW_PREFIX) && !APIGW_ROOT.contains(name.substring(APIGW_PREFIX.length()))) {
                String closest = closest(name.substring(APIGW_PREFIX.length()), List.of(APIGW_ROOT));
                problems.warning(name, "unknown extension `" + name + "`: apigw ignores it. "
                        + (closest == null ? "Check the spelling." : "Did you mean `" + APIGW_PREFIX + closest + "`?"));
            }
        }
    }

    static void checkOperation(OperationAt at, ApiType apiType, Problems problems) {
        check(at.operation().getExtensions(), at.location() + ".", apiType, OPERATION_REST_ONLY, Set.of(),
                OPERATION_BOTH, problems);
    }

    private static void check(@Nullable Map<String, Object> extensions, String prefix, ApiType apiType,
            Set<String> restOnly, Set<String> httpOnly, Set<String> both, Problems problems) {
        if (extensions == null) {
            return;
        }
        for (String name : extensions.keySet()) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String suffix = name.substring(PREFIX.length());
            String onlyFor = restOnly.contains(suffix) ? "REST" : httpOnly.contains(suffix) ? "HTTP" : null;
            boolean ignored = switch (apiType) {
                case REST -> httpOnly.contains(suffix);
                case HTTP -> restOnly.contains(suffix);
                case WEBSOCKET -> onlyFor != null;
            };
            if (ignored) {
                problems.warning(prefix + name, "`" + name + "` applies to " + onlyFor + " APIs only: this "
                        + label(apiType) + " API ignores it.");
            } else if (onlyFor == null && !both.contains(suffix)) {
                // The root x-apigw-websocket is apigw's own: point there when the AWS prefix was used for it.
                boolean apigw = prefix.isEmpty() && closest(suffix, List.of(APIGW_ROOT)) != null;
                String closest = apigw ? null : closest(suffix, List.of(restOnly, httpOnly, both));
                problems.warning(prefix + name, "unknown extension `" + name + "`: API Gateway ignores it. "
                        + (apigw ? "Did you mean `" + WEBSOCKET + "`?"
                                : closest == null ? "Check the spelling." : "Did you mean `" + PREFIX + closest + "`?"));
            }
        }
    }

    /** REST, HTTP or WebSocket, as in messages. */
    static String label(ApiType apiType) {
        return apiType == ApiType.WEBSOCKET ? "WebSocket" : apiType.name();
    }

    private static @Nullable String closest(String written, List<Set<String>> known) {
        String closest = null;
        int best = MAX_TYPO_DISTANCE + 1;
        for (Set<String> names : known) {
            for (String name : names) {
                int distance = distance(written, name);
                if (distance < best) {
                    best = distance;
                    closest = name;
                }
            }
        }
        return closest;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
