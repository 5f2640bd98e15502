package dev.apigw.lambda.java;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A Lambda handler string as written in the function configuration: {@code pkg.Class::method} or {@code pkg.Class}.
 *
 * <p>Parsing follows the Java runtime's {@code HandlerInfo}: the last {@code ::} splits class from method. When only
 * the class is given, {@code methodName} is {@code handleRequest} and {@code methodGiven} is false, because the runtime
 * then requires the class to implement {@code RequestHandler} or {@code RequestStreamHandler}.
 *
 * @param className the binary class name ({@code com.example.Outer$Inner} for a nested class)
 * @param methodName the method to call
 * @param methodGiven whether the handler string named the method
 */
public record HandlerReference(String className, String methodName, boolean methodGiven) {

    static final String DEFAULT_METHOD = "handleRequest";

    private static final String SEPARATOR = "::";
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
    private static final Pattern METHOD_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    public HandlerReference {
        requireNonNull(className, "className");
        requireNonNull(methodName, "methodName");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("handler class name '" + className
                    + "' is not a Java class name; write the handler as pkg.Class::method or pkg.Class");
        }
        if (!METHOD_NAME.matcher(methodName).matches()) {
            throw new IllegalArgumentException("handler method name '" + methodName
                    + "' is not a Java method name; write the handler as pkg.Class::method or pkg.Class");
        }
    }

    /** Parses {@code pkg.Class::method} or {@code pkg.Class}; throws {@link IllegalArgumentException} otherwise. */
    public static HandlerReference parse(String handler) {
        requireNonNull(handler, "handler");
        int separator = handler.lastIndexOf(SEPARATOR);
        if (separator < 0) {
            requireNotEmpty(handler, handler, "class");
            return new HandlerReference(handler, DEFAULT_METHOD, false);
        }
        String className = handler.substring(0, separator);
        String methodName = handler.substring(separator + SEPARATOR.length());
        requireNotEmpty(handler, className, "class");
        requireNotEmpty(handler, methodName, "method");
        return new HandlerReference(className, methodName, true);
    }

    private static void requireNotEmpty(String handler, String part, String what) {
        if (part.isBlank()) {
            throw new IllegalArgumentException("handler '" + handler + "' has an empty " + what
                    + " name; write it as pkg.Class::method or pkg.Class");
        }
    }

    @Override
    public String toString() {
        return methodGiven ? className + SEPARATOR + methodName : className;
    }
}
