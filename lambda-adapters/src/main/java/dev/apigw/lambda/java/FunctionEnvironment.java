package dev.apigw.lambda.java;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code System.getenv} calls in function code are redirected to: {@link ClassFileRewriter} rewrites every
 * {@code System.getenv(String)} and {@code System.getenv()} in the classes a {@link FunctionClassLoader} defines into
 * calls of the methods here, which answer from the {@link LambdaEnvironment} of the loader that defined the calling
 * class. The lookup goes by the caller's class, not by thread, so threads the function starts itself see its
 * environment too, and two functions running at once each see their own.
 *
 * <p>Public only because rewritten classes in other packages and class loaders must be able to call it; not meant
 * to be called directly.
 */
public final class FunctionEnvironment {
    static final String INTERNAL_NAME = FunctionEnvironment.class.getName().replace('.', '/');

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private FunctionEnvironment() {}

    /** {@code System.getenv(name)} for the calling function: its variable, or null. */
    public static @Nullable String getenv(String name) {
        Objects.requireNonNull(name, "name"); // as System.getenv(null) throws
        Optional<LambdaEnvironment> environment = callersEnvironment();
        // Not Optional.map: an unset variable must stay null, not fall through to the JVM's value.
        return environment.isPresent() ? environment.get().get(name) : System.getenv(name);
    }

    /** {@code System.getenv()} for the calling function: all its variables, unmodifiable. */
    public static Map<String, String> getenv() {
        return callersEnvironment().map(LambdaEnvironment::variables).orElseGet(System::getenv);
    }

    /**
     * The environment of the nearest function class on the stack. That is the direct caller for a rewritten call; for
     * a method reference ({@code map(System::getenv)}) the JDK frames in between (and the hidden lambda frame) are
     * passed over to reach the function code that made the call.
     */
    private static Optional<LambdaEnvironment> callersEnvironment() {
        return STACK.walk(frames -> frames.skip(1)
                .map(frame -> environmentOf(frame.getDeclaringClass()))
                .filter(Objects::nonNull)
                .findFirst());
    }

    private static @Nullable LambdaEnvironment environmentOf(Class<?> type) {
        return type.getClassLoader() instanceof FunctionClassLoader loader ? loader.environment() : null;
    }
}
