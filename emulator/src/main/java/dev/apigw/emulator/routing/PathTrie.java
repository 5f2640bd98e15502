package dev.apigw.emulator.routing;

import dev.apigw.model.HttpMethod;
import dev.apigw.model.PathTemplate;
import dev.apigw.model.PathTemplate.Segment;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Path templates compiled into a trie of segments, searched the way API Gateway ranks matches.
 *
 * <p>Each node has its literal children by text, at most one {@code {param}} child (AWS allows one variable sibling,
 * and the variable's name does not matter for matching), the targets whose template ends at the node, and the
 * {@code {proxy+}} targets hanging off it. The search is depth first and tries, at every segment, the literal child,
 * then the {@code {param}} child, then a greedy target, backtracking out of dead ends. That order is AWS's
 * precedence (static &gt; {@code {param}} &gt; {@code {proxy+}}, compared segment by segment), so the first template
 * found that matches the whole path and defines the method (or {@code ANY}) is the most specific one.
 */
final class PathTrie<T> {

    /** A template with its method's value (a REST {@code Method} or an HTTP API {@code Route}) and its stable id. */
    record Target<T>(PathTemplate template, String id, T value) {}

    private final Node<T> root = new Node<>();

    void add(HttpMethod method, Target<T> target) {
        Node<T> node = root;
        for (Segment segment : target.template().segments()) {
            if (segment instanceof Segment.Literal literal) {
                node = node.literals.computeIfAbsent(literal.text(), text -> new Node<>());
            } else if (segment instanceof Segment.Variable) {
                if (node.variable == null) {
                    node.variable = new Node<>();
                }
                node = node.variable;
            } else {
                // PathTemplate guarantees a greedy variable is the last segment.
                node.greedy.putIfAbsent(method, target);
                return;
            }
        }
        node.ending.putIfAbsent(method, target);
    }

    /**
     * The most specific target for the path's segments and the method.
     *
     * @param segments the request path split at {@code /} (see {@link RequestPath#segments()})
     * @param greedy whether {@code {proxy+}} templates may match
     */
    @Nullable Target<T> find(String[] segments, HttpMethod method, boolean greedy) {
        return search(root, 0, new Query(segments, method, greedy));
    }

    private @Nullable Target<T> search(Node<T> node, int index, Query query) {
        String[] segments = query.segments();
        if (index == segments.length) {
            return node.ending.select(query.method());
        }
        String segment = segments[index];
        if (segment.isEmpty()) {
            // Neither a literal, a {param} nor the start of a {proxy+} matches an empty segment (`/a//b`).
            return null;
        }
        Node<T> literal = node.literals.get(segment);
        if (literal != null) {
            Target<T> found = search(literal, index + 1, query);
            if (found != null) {
                return found;
            }
        }
        if (node.variable != null) {
            Target<T> found = search(node.variable, index + 1, query);
            if (found != null) {
                return found;
            }
        }
        return query.greedy() ? node.greedy.select(query.method()) : null;
    }

    private record Query(String[] segments, HttpMethod method, boolean greedy) {}

    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        @Nullable Node<T> variable;
        final MethodTargets<Target<T>> ending = new MethodTargets<>();
        final MethodTargets<Target<T>> greedy = new MethodTargets<>();
    }
}
