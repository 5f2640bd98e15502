package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.importer.ParsedSpec.Version;
import dev.apigw.importer.extensions.AnyMethodExtension;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Hands a syntactically valid document to swagger-parser (OpenAPI 3.0 / 3.1, and Swagger 2.0 through its
 * converter) and turns swagger-parser's messages into problems.
 */
final class SpecParser {

    // swagger-parser names places like "attribute paths.'/pets'(get).responses is missing" or "paths.'/a'. Declared"
    private static final Pattern MESSAGE_LOCATION = Pattern.compile("^(?:attribute (\\S+) is |(paths\\.'[^']*')\\.? )");

    // Not problems for API Gateway: operations without responses (AWS's own HTTP API examples have none), and
    // greedy path variables, which swagger-parser takes for a parameter named "proxy+". Unresolved local $refs
    // are left to the importer, which reports them where they matter with a clearer message.
    private static final Pattern NOT_REPORTED = Pattern.compile("\\.responses is missing$"
            + "|Declared path parameter \\S+\\+ needs to be defined|\\.#/\\S+ is missing$");

    private SpecParser() {}

    static @Nullable ParsedSpec parse(SpecDocument document, Problems problems) {
        Version version = version(document.tree(), problems);
        if (version == null) {
            return null;
        }
        if (!ExternalRefs.check(document.tree(), problems)
                || version == Version.SWAGGER_2_0 && !Swagger2Responses.check(document.tree(), problems)) {
            return null;
        }
        JsonNode lifted = SwaggerParserInput.copyOf(document.tree());
        AwsModelRefs.localize(lifted, version == Version.SWAGGER_2_0);
        AnyMethodExtension.lift(lifted, problems);
        SwaggerParseResult result;
        try {
            result = SwaggerParserInput.read(lifted, version, options());
        } catch (RuntimeException e) {
            // A document must never crash the import, even through a bug of swagger-parser's.
            problems.error(Problems.DOCUMENT, "swagger-parser failed on this document (" + e + "). Please report"
                    + " it with the document attached.");
            return null;
        }
        OpenAPI openApi = result.getOpenAPI();
        report(result.getMessages(), openApi == null, problems);
        if (openApi == null) {
            problems.error(Problems.DOCUMENT, "swagger-parser could not read the document as OpenAPI "
                    + (version == Version.SWAGGER_2_0 ? "(Swagger 2.0)" : "3") + ". Fix the problems above.");
            return null;
        }
        return new ParsedSpec(document.tree(), openApi, version);
    }

    static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        // Resolves $refs of parameters, request bodies and responses, but keeps schema $refs: they name models.
        options.setResolve(true);
        options.setResolveRequestBody(true);
        options.setResolveResponses(true);
        return options;
    }

    /** The specification version; reports and returns null for anything API Gateway does not import. */
    private static @Nullable Version version(@Nullable JsonNode root, Problems problems) {
        if (root == null || !root.isObject()) {
            problems.error(Problems.DOCUMENT, "expected an OpenAPI document (an object with `openapi: 3.0.1` or"
                    + " `swagger: \"2.0\"` at the top) but found " + (root == null || root.isMissingNode()
                            ? "an empty document" : root.isArray() ? "a list" : "`" + root.asText() + "`") + ".");
            return null;
        }
        if (root.has("openapi")) {
            String openapi = root.get("openapi").asText();
            if (openapi.startsWith("3.0")) {
                return Version.OPENAPI_3_0;
            }
            if (openapi.startsWith("3.1")) {
                return Version.OPENAPI_3_1;
            }
            problems.error("openapi", "unsupported OpenAPI version `" + openapi + "`. Expected 3.0.x or 3.1.x"
                    + " (or `swagger: \"2.0\"`).");
            return null;
        }
        if (root.has("swagger")) {
            if (root.get("swagger").asText().equals("2.0")) {
                return Version.SWAGGER_2_0;
            }
            problems.error("swagger", "unsupported Swagger version `" + root.get("swagger").asText()
                    + "`. Expected \"2.0\", or an OpenAPI 3 document (`openapi: 3.0.1`).");
            return null;
        }
        problems.error(Problems.DOCUMENT, "this is not an OpenAPI document: there is no `openapi` or `swagger`"
                + " field. Add `openapi: 3.0.1` (or `swagger: \"2.0\"`) at the top.");
        return null;
    }

    /**
     * swagger-parser's messages are warnings, except where it had to drop a value of the wrong type (it ignores
     * the value, so the model would silently miss it) or could not produce a model at all.
     */
    private static void report(@Nullable List<String> messages, boolean failed, Problems problems) {
        if (messages == null) {
            return;
        }
        for (String raw : messages) {
            String message = AnyMethodExtension.restoreLocations(raw);
            if (NOT_REPORTED.matcher(message).find()) {
                continue;
            }
            Severity severity = failed || message.contains("is not of type") ? Severity.ERROR : Severity.WARNING;
            problems.add(severity, location(message), "swagger-parser: " + message + ".");
        }
    }

    /** {@code paths./pets.get.responses} for {@code attribute paths.'/pets'(get).responses is missing}. */
    private static String location(String message) {
        Matcher matcher = MESSAGE_LOCATION.matcher(message);
        if (!matcher.find()) {
            return Problems.DOCUMENT;
        }
        String written = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return written.replaceAll("'([^']*)'", "$1").replaceAll("\\(([\\w-]+)\\)", ".$1");
    }
}
