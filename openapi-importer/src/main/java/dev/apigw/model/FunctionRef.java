package dev.apigw.model;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a Lambda function as written in the document (an integration URI, an ARN, a
 * {@code Fn::Sub} string) together with the function name it resolves to.
 */
public record FunctionRef(String written, String functionName) {
    public FunctionRef {
        requireNonNull(written, "written");
        requireNonNull(functionName, "functionName");
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("function name is empty in '" + written + "'");
        }
    }

    @Override
    public String toString() {
        return functionName;
    }
}
