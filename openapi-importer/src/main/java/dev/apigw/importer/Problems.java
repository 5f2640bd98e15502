package dev.apigw.importer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems of one import, in the order they are found, and fills in each problem's source line from
 * the document. The importer's readers report here instead of throwing, so one run reports every problem.
 */
public final class Problems {

    /** The location of problems that concern the whole document (unreadable file, syntax error). */
    public static final String DOCUMENT = "(document)";

    private final SourceLines lines;
    // A reusable integration referenced by several routes would otherwise report the same problem once per route.
    private final Set<Problem> problems = new LinkedHashSet<>();

    /** A collector for problems whose lines are not known. */
    public Problems() {
        this(SourceLines.NONE);
    }

    Problems(SourceLines lines) {
        this.lines = lines;
    }

    public void error(String location, String message) {
        add(Severity.ERROR, location, message);
    }

    public void warning(String location, String message) {
        add(Severity.WARNING, location, message);
    }

    public void add(Severity severity, String location, String message) {
        add(severity, location, lines.lineOf(location), message);
    }

    void add(Severity severity, String location, @Nullable Integer line, String message) {
        problems.add(new Problem(location, line, severity, message));
    }

    /** The source line of a location, to point at an earlier place in a message. */
    @Nullable Integer lineOf(String location) {
        return lines.lineOf(location);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }
}
