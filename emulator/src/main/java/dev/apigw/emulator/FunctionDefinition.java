package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.remote.RemoteLambda;
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

    /**
     * A function invoked through the Lambda Invoke API with the AWS SDK v2 ({@link RemoteLambda}).
     *
     * @param functionName the function's name or ARN as the remote endpoint knows it
     */
    record Remote(String functionName) implements FunctionDefinition {
        public Remote {
            requireNonNull(functionName, "functionName");
            if (functionName.isBlank()) {
                throw new IllegalArgumentException("a remote function needs a name or an ARN");
            }
        }
    }

    /**
     * A function run out of process: a child process whose runtime client speaks the Lambda Runtime API to apigw.
     *
     * @param handler the handler as the runtime expects it ({@code pkg.Class::method} for Java; passed as
     *     {@code _HANDLER} to a {@code provided} bootstrap)
     * @param runtime {@code java17}, {@code java21} or {@code provided}
     * @param code a jar or directory holding the function's code (and, for {@code provided}, an executable
     *     {@code bootstrap})
     */
    record OutOfProcess(String handler, String runtime, Path code, @Nullable Duration timeout,
            @Nullable Integer memoryMb) implements FunctionDefinition {
        public static final java.util.List<String> RUNTIMES = java.util.List.of("java17", "java21", "provided");

        public OutOfProcess {
            requireNonNull(handler, "handler");
            requireNonNull(runtime, "runtime");
            requireNonNull(code, "code");
            if (!RUNTIMES.contains(runtime)) {
                throw new IllegalArgumentException("runtime '" + runtime + "' is not one of " + RUNTIMES);
            }
        }
    }
}
