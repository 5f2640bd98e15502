package dev.apigw.emulator;

import java.util.List;

/**
 * The gateway could not start: functions missing or not loadable, a port in use. The message says what to do,
 * one line per problem.
 */
public class GatewayStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public GatewayStartupException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public GatewayStartupException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
