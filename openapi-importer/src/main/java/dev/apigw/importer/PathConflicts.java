package dev.apigw.importer;

import dev.apigw.model.ApiType;
import dev.apigw.model.PathTemplate;
import dev.apigw.model.PathTemplate.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths that API Gateway refuses together.
 *
 * <ul>
 *   <li>Two path variables with different names at the same level under the same parent ({@code /pets/{id}} and
 *       {@code /pets/{petId}}): a resource has at most one variable child ("A sibling ({id}) of this resource
 *       already has a variable path part -- only one is allowed"), and HTTP APIs reject such routes as
 *       conflicting. On REST APIs a greedy variable counts too ({@code /{id}} next to {@code /{proxy+}}).
 *   <li>The same resource twice (REST), or the same route key twice (HTTP): paths that differ only by a trailing
 *       slash, which API Gateway ignores.
 * </ul>
 */
final class PathConflicts {

    private final ApiType apiType;
    private final Problems problems;
    // parent shape → the first variable segment seen under it, and where
    private final Map<String, Seen> variableChildren = new HashMap<>();
    private final Map<String, Seen> shapes = new HashMap<>();

    private record Seen(String text, String path, String location) {}

    private PathConflicts(ApiType apiType, Problems problems) {
        this.apiType = apiType;
        this.problems = problems;
    }

    /** Reports every conflict among the paths as an ERROR. */
    static void check(List<PathAt> paths, ApiType apiType, Problems problems) {
        PathConflicts conflicts = new PathConflicts(apiType, problems);
        for (PathAt path : paths) {
            if (path.template() != null) {
                conflicts.checkVariables(path, path.template());
                conflicts.checkDuplicates(path);
            }
        }
    }

    private void checkVariables(PathAt path, PathTemplate template) {
        StringBuilder parent = new StringBuilder();
        for (Segment segment : template.segments()) {
            String text = text(segment);
            boolean variable = segment instanceof Segment.Variable
                    || segment instanceof Segment.Greedy && apiType == ApiType.REST;
            if (variable) {
                Seen first = variableChildren.putIfAbsent(parent.toString(), new Seen(text, path.path(), path.location()));
                if (first != null && !first.text().equals(text)) {
                    problems.error(path.location(), "`" + text + "` in `" + path.path() + "` conflicts with `"
                            + first.text() + "` in `" + first.path() + "`" + lineOf(first) + ": API Gateway allows"
                            + " only one path variable per level under the same parent. Use the same name in both,"
                            + " e.g. `" + first.text() + "`.");
                    return;
                }
            }
            // Ancestors are compared by shape, so one conflict is reported once, not again for every descendant.
            parent.append('/').append(segment instanceof Segment.Literal ? text : "{}");
        }
    }

    private void checkDuplicates(PathAt path) {
        String shape = path.path().length() > 1 && path.path().endsWith("/")
                ? path.path().substring(0, path.path().length() - 1)
                : path.path();
        if (apiType == ApiType.REST) {
            Seen first = shapes.putIfAbsent(shape, new Seen(shape, path.path(), path.location()));
            if (first != null) {
                problems.error(path.location(), "`" + path.path() + "` is the same resource as `" + first.path()
                        + "`" + lineOf(first) + ": API Gateway ignores a trailing slash. Merge the two paths.");
            }
            return;
        }
        for (OperationAt operation : path.operations()) {
            String key = operation.method() + " " + shape;
            Seen first = shapes.putIfAbsent(key, new Seen(key, path.path(), operation.location()));
            if (first != null) {
                problems.error(operation.location(), "duplicate route key `" + key + "`: `" + first.path() + "`"
                        + lineOf(first) + " declares it too (API Gateway ignores a trailing slash). Keep one of them.");
            }
        }
    }

    private String lineOf(Seen seen) {
        Integer line = problems.lineOf(seen.location());
        return line == null ? "" : " (line " + line + ")";
    }

    private static String text(Segment segment) {
        if (segment instanceof Segment.Literal literal) {
            return literal.text();
        }
        if (segment instanceof Segment.Variable variable) {
            return "{" + variable.name() + "}";
        }
        if (segment instanceof Segment.Greedy greedy) {
            return "{" + greedy.name() + "+}";
        }
        throw new IllegalStateException("unhandled path segment " + segment);
    }
}
