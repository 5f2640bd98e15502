package dev.apigw.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.apigw.model.Api;
import dev.apigw.model.ApiType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Imports an OpenAPI 3.0 / 3.1 or Swagger 2.0 document (YAML or JSON) carrying API Gateway's
 * {@code x-amazon-apigateway-*} extensions, the way API Gateway's "import API" does.
 *
 * <pre>{@code
 * ImportResult result = OpenApiImporter.importFrom(Path.of("openapi.yaml"));
 * result.problems().forEach(System.err::println);   // warnings, and errors if any
 * Api api = result.orThrow();                        // or InvalidSpecException listing every problem
 * }</pre>
 *
 * <p>Nothing is thrown for a bad document: a missing file, a syntax error or an invalid extension becomes an
 * {@code ERROR} {@link Problem} with its location and source line, and the result then has no API. One import
 * reports every problem of the document.
 *
 * <p>What kind of API the document describes is decided by the {@code apiType} argument; without one, a document
 * with apigw's root {@code x-apigw-websocket} extension is a WebSocket API (AWS cannot import WebSocket APIs from
 * OpenAPI; the extension holds the route selection expression and the routes, and {@code paths} are ignored),
 * Swagger 2.0 is a REST API, and OpenAPI 3 is an HTTP API when it uses something only HTTP APIs have (a
 * {@code /$default} path, an integration with {@code payloadFormatVersion}, or {@code x-amazon-apigateway-cors}),
 * a REST API otherwise.
 *
 * <p>As with API Gateway's default {@code basepath=ignore}, the base path (Swagger 2.0 {@code basePath}, OpenAPI 3
 * {@code servers[].url} and its {@code basePath} variable) is ignored: resources are the document's paths as
 * written. Root-level {@code security} is not applied to operations, as on AWS. The AWS variables
 * {@code ${AWS::AccountId}}, {@code ${AWS::Region}} and {@code ${AWS::Partition}} are resolved to
 * {@code 000000000000}, {@code us-east-1} and {@code aws}. The document is read from its text, so a {@code $ref}
 * to another file is resolved against the working directory.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html">Import
 *     a REST API</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html">OpenAPI
 *     definitions for HTTP APIs</a>
 */
public final class OpenApiImporter {

    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column \\d+");

    private OpenApiImporter() {}

    /** Imports a file, deciding the API type from the document. */
    public static ImportResult importFrom(Path file) {
        return importFrom(file, null);
    }

    /** Imports a file as {@code apiType}, or as the document suggests when null. */
    public static ImportResult importFrom(Path file, @Nullable ApiType apiType) {
        String source = file.toString();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return unreadable(source, "file not found. Check the path (relative paths are resolved against "
                    + Path.of("").toAbsolutePath() + ").");
        } catch (IOException e) {
            return unreadable(source, e.getClass().getSimpleName() + ": " + e.getMessage() + ".");
        }
        return importFrom(content, source, apiType);
    }

    /** Imports a document read from a stream (read to the end as UTF-8, not closed). */
    public static ImportResult importFrom(InputStream in, String sourceName, @Nullable ApiType apiType) {
        String content;
        try {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return unreadable(sourceName, e.getClass().getSimpleName() + ": " + e.getMessage() + ".");
        }
        return importFrom(content, sourceName, apiType);
    }

    /**
     * Imports a document's text.
     *
     * @param sourceName names the document in messages (a file name or a classpath resource)
     */
    public static ImportResult importFrom(String content, String sourceName, @Nullable ApiType apiType) {
        SpecDocument document;
        try {
            document = SpecDocument.read(content);
        } catch (JsonProcessingException e) {
            return syntaxError(sourceName, e);
        } catch (IOException e) {
            return unreadable(sourceName, e.getMessage() + ".");
        }
        Problems problems = new Problems(document.lines());
        document.lines().duplicates().forEach(duplicate -> problems.add(Severity.ERROR, duplicate.location(),
                duplicate.line(), "duplicate key: it is also defined at line " + duplicate.firstLine()
                        + ", and only the last definition would be kept. Merge the two."));
        ParsedSpec spec = SpecParser.parse(document, problems);
        Api api = spec == null ? null : read(spec, sourceName, apiType, problems);
        return new ImportResult(sourceName, problems.hasErrors() ? null : api, problems.list(),
                new WrittenDocument(document.tree(), document.lines()));
    }

    private static @Nullable Api read(ParsedSpec spec, String sourceName, @Nullable ApiType apiType, Problems problems) {
        ApiType type = apiType != null ? apiType : ApiTypeDetection.detect(spec);
        if (type == ApiType.HTTP && spec.isSwagger2()) {
            problems.warning("swagger", "HTTP APIs import OpenAPI 3 only; AWS would refuse this Swagger 2.0"
                    + " document as an HTTP API. Convert it to OpenAPI 3, or import it as a REST API.");
        }
        if (!spec.root().path("security").isEmpty()) {
            problems.warning("security", "root-level security is not applied by API Gateway. " + (type
                    == ApiType.WEBSOCKET ? "Name the authorizer on the $connect route (authorizer: SCHEME)."
                            : "Repeat it in each operation's security."));
        }
        String title = spec.openApi().getInfo() == null || spec.openApi().getInfo().getTitle() == null
                ? sourceName
                : spec.openApi().getInfo().getTitle();
        try {
            return switch (type) {
                case REST -> RestApiReader.read(spec, title, problems);
                case HTTP -> HttpApiReader.read(spec, title, problems);
                case WEBSOCKET -> WebSocketApiReader.read(spec, title, problems);
            };
        } catch (IllegalArgumentException e) {
            // A model record refused a value. Readers check values first, so this follows a reported error;
            // should one slip through, it still becomes a problem rather than an exception.
            if (!problems.hasErrors()) {
                problems.error(Problems.DOCUMENT, e.getMessage() + ".");
            }
            return null;
        }
    }

    private static ImportResult unreadable(String source, String reason) {
        Problems problems = new Problems();
        problems.error(Problems.DOCUMENT, "cannot read " + source + ": " + reason);
        return new ImportResult(source, null, problems.list());
    }

    private static ImportResult syntaxError(String source, JsonProcessingException e) {
        String original = e.getOriginalMessage();
        // SnakeYAML's message quotes the text around the error: keep its unindented lines, which say what is wrong.
        String reason = original.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        Integer line = null;
        // SnakeYAML marks where the problem was found last ("in 'reader', line 9, column 7"); JSON has no marks.
        for (Matcher mark = YAML_MARK.matcher(original); mark.find(); ) {
            line = Integer.valueOf(mark.group(1));
        }
        JsonLocation at = e.getLocation();
        if (line == null && at != null && at.getLineNr() > 0) {
            line = at.getLineNr();
        }
        Problems problems = new Problems();
        if (e instanceof YamlTree.YamlLimitException) {
            problems.add(Severity.ERROR, Problems.DOCUMENT, line, "the document is refused: " + reason + ".");
            return new ImportResult(source, null, problems.list());
        }
        problems.add(Severity.ERROR, Problems.DOCUMENT, line, "the document is not valid YAML or JSON: " + reason
                + (line == null ? "." : ". Fix the syntax at line " + line + "."));
        return new ImportResult(source, null, problems.list());
    }
}
