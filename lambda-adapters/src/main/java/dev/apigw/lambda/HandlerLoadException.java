package dev.apigw.lambda;

/**
 * A function's handler could not be loaded: the class or method is missing, has the wrong shape, or its constructor
 * or static initializer failed. The message is one sentence that names the function and says how to fix it; the
 * underlying exception, if any, is the cause.
 */
public final class HandlerLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HandlerLoadException(String message) {
        super(message);
    }

    public HandlerLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
