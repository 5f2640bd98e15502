package dev.apigw.importer;

import java.util.List;
import java.util.stream.Collectors;

/** A document that could not be imported; the message lists every problem, one per line. */
public class InvalidSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidSpecException(String source, List<Problem> problems) {
        super(source + " is not a valid API definition:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
