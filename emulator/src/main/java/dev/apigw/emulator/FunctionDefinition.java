package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.apigw.lambda.LambdaFunction;
import org.jspecify.annotations.Nullable;

/**
 * How a function named by the API is provided: a handler class to load, or a function instance. Unset timeouts
 * and memory sizes take Lambda's defaults (3 s, 128 MB).
 */
public sealed interface FunctionDefinition {

    /**
     * A Java handler loaded by name, as the Lambda Java runtime loads it.
     *
     * @param handler {@code pkg.Class::method} or {@code pkg.Class}
     * @param classpath the function's own classpath entries (added to the gateway-wide classpath)
     */
    record HandlerClass(String handler, List<Path> classpath, @Nullable Duration timeout, @Nullable Integer memoryMb)
            implements FunctionDefinition {
        public HandlerClass {
            requireNonNull(handler, "handler");
            classpath = List.copyOf(classpath);
        }

        public static HandlerClass of(String handler) {
            return new HandlerClass(handler, List.of(), null, null);
        }
    }

    /**
     * A function given as an object: a {@link LambdaFunction}, or a handler instance ({@code RequestHandler},
     * {@code RequestStreamHandler}, or any object with a {@code handleRequest} method).
     */
    record Instance(Object function, @Nullable Duration timeout) implements FunctionDefinition {
        public Instance {
            requireNonNull(function, "function");
        }
    }
}
