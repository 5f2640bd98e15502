package dev.apigw.emulator.routing;

import dev.apigw.model.PathTemplate;
import dev.apigw.model.PathTemplate.Segment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request path as routing sees it, with the slash quirks AWS shows on REST APIs (AWS-REFERENCE §1.2, §4.1, recorded
 * on real AWS): a doubled slash before the stage is ignored ({@code //dev/x}); leading slashes after the stage
 * collapse ({@code /dev//hardcoded} is {@code /hardcoded}); slashes inside the path are kept
 * ({@code /a//b}); one trailing slash is ignored for matching but kept in {@link #path()}. Nothing is
 * percent-decoded.
 */
final class RequestPath {

    private static final String[] NO_SEGMENTS = {};

    private final String path;
    private final String matched;
    private final String[] segments;

    private RequestPath(String path, String matched, String[] segments) {
        this.path = path;
        this.matched = matched;
        this.segments = segments;
    }

    /** The path below {@code stage}, or empty when the first segment of {@code rawPath} is not the stage. */
    static Optional<RequestPath> belowStage(String rawPath, String stage) {
        int start = skipSlashes(rawPath);
        int end = rawPath.indexOf('/', start);
        if (end < 0) {
            end = rawPath.length();
        }
        if (end - start != stage.length() || !rawPath.startsWith(stage, start)) {
            return Optional.empty();
        }
        return Optional.of(of(rawPath.substring(end)));
    }

    /** A path with no stage in front of it (an HTTP API's {@code $default} stage, or what follows the stage). */
    static RequestPath of(String rawPath) {
        int start = skipSlashes(rawPath);
        String body = rawPath.substring(start);
        String path = start == 1 ? rawPath : "/" + body;
        String matched = body.endsWith("/") ? body.substring(0, body.length() - 1) : body;
        // The only split per request; String.split takes its no-regex fast path for a single plain character.
        String[] segments = matched.isEmpty() ? NO_SEGMENTS : matched.split("/", -1);
        return new RequestPath(path, matched, segments);
    }

    private static int skipSlashes(String text) {
        int index = 0;
        while (index < text.length() && text.charAt(index) == '/') {
            index++;
        }
        return index;
    }

    /** REST's {@code path}: raw, starting with one {@code /}, trailing slash kept. */
    String path() {
        return path;
    }

    /** The segments to match; not copied, callers must not change the array. */
    String[] segments() {
        return segments;
    }

    /**
     * The values of a matched template's variables in template order, raw. A greedy value is the rest of the path
     * without its leading slash ({@code proxy-value/api}) and without the ignored trailing slash.
     */
    Map<String, String> parametersOf(PathTemplate template) {
        List<Segment> templateSegments = template.segments();
        Map<String, String> parameters = new LinkedHashMap<>();
        int offset = 0;
        for (int i = 0; i < templateSegments.size(); i++) {
            Segment segment = templateSegments.get(i);
            if (segment instanceof Segment.Variable variable) {
                parameters.put(variable.name(), segments[i]);
            } else if (segment instanceof Segment.Greedy greedy) {
                parameters.put(greedy.name(), matched.substring(offset));
            }
            offset += segments[i].length() + 1;
        }
        return parameters;
    }

    @Override
    public String toString() {
        return path;
    }
}
