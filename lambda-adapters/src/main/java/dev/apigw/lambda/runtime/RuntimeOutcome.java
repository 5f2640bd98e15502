package dev.apigw.lambda.runtime;

/** How the runtime in an execution environment ended an invocation (or failed before it could take one). */
sealed interface RuntimeOutcome {

    /** {@code POST /runtime/invocation/{id}/response}. */
    record Response(byte[] body) implements RuntimeOutcome {}

    /** {@code POST /runtime/invocation/{id}/error}, with {@code Lambda-Runtime-Function-Error-Type} (may be empty). */
    record FunctionError(String errorType, byte[] body) implements RuntimeOutcome {}

    /** {@code POST /runtime/init/error}: the runtime could not initialize and will exit. */
    record InitError(String errorType, byte[] body) implements RuntimeOutcome {}

    /** The process ended without answering. */
    record Exited(int exitCode) implements RuntimeOutcome {}
}
