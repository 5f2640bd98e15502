package dev.apigw.lambda.java;

import java.util.Objects;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} calls in function code are redirected to
 * ({@link ClassFileRewriter}). On Lambda such a call ends the runtime process, and with it the execution environment:
 * the invocation fails with {@code Runtime.ExitError} and the next one starts a fresh environment. In-process it
 * would stop apigw, so the call throws {@link Exited} instead, which unwinds the handler; the invocation then reports
 * Lambda's error and drops the environment ({@link Invocation}). Code that catches {@code Throwable} can swallow it,
 * which a real exit cannot be.
 *
 * <p>Public only because rewritten classes in other packages and class loaders must be able to call it; not meant
 * to be called directly.
 */
public final class FunctionExit {
    static final String INTERNAL_NAME = FunctionExit.class.getName().replace('.', '/');

    private FunctionExit() {}

    /** Stands in for {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new Exited(status);
    }

    /** Stands in for {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        Objects.requireNonNull(runtime); // as calling a method on null would throw
        throw new Exited(status);
    }

    /** Stands in for {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        Objects.requireNonNull(runtime);
        throw new Exited(status);
    }

    /**
     * The function asked to end its process. An {@code Error}, so that the {@code catch (Exception e)} blocks of
     * ordinary code let it through, as a real exit would not return to them either.
     */
    public static final class Exited extends Error {
        private static final long serialVersionUID = 1L;
        private final int status;

        Exited(int status) {
            super("the function called exit(" + status + ")", null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
