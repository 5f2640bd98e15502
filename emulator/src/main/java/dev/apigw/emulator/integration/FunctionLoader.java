package dev.apigw.emulator.integration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.java.FunctionClassLoaders;
import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.JavaHandlerFunction;

/**
 * Turns the configured function definitions into {@link LambdaFunction}s once, at startup: handler classes are
 * loaded through one class loader per distinct classpath, handler instances are adapted. Every function the API
 * calls must be defined; all that are missing or broken are reported together. Closing it stops the functions it
 * created and releases their class loaders; functions the caller passed in as {@link LambdaFunction}s stay theirs.
 */
public final class FunctionLoader implements AutoCloseable {
    private final List<Path> sharedClasspath;
    private final FunctionClassLoaders loaders = new FunctionClassLoaders();
    private final List<JavaHandlerFunction> created = new ArrayList<>();

    public FunctionLoader(List<Path> sharedClasspath) {
        this.sharedClasspath = List.copyOf(sharedClasspath);
    }

    public Map<String, LambdaFunction> load(List<String> required, Map<String, FunctionDefinition> definitions) {
        List<String> problems = new ArrayList<>();
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        for (String name : required) {
            FunctionDefinition definition = definitions.get(name);
            if (definition == null) {
                problems.add("the API calls function " + name + ", but no function " + name + " is registered. Register it"
                        + " with .withFunction(\"" + name + "\", handler), or pass --function " + name
                        + "=com.example.Handler::handleRequest to apigw start.");
                continue;
            }
            try {
                functions.put(name, load(name, definition));
            } catch (HandlerLoadException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new GatewayStartupException(problems);
        }
        return functions;
    }

    private LambdaFunction load(String name, FunctionDefinition definition) {
        if (definition instanceof FunctionDefinition.Instance instance) {
            if (instance.function() instanceof LambdaFunction function) {
                return function;
            }
            FunctionSettings settings = FunctionSettings.defaults(name);
            if (instance.timeout() != null) {
                settings = settings.withTimeout(instance.timeout());
            }
            return remember(JavaHandlerFunction.forInstance(settings, instance.function()));
        }
        if (definition instanceof FunctionDefinition.HandlerClass handler) {
            List<Path> classpath = new ArrayList<>(sharedClasspath);
            classpath.addAll(handler.classpath());
            FunctionSettings settings = new FunctionSettings(name, handler.handler(), classpath,
                    handler.timeout() != null ? handler.timeout() : FunctionSettings.DEFAULT_TIMEOUT,
                    handler.memoryMb() != null ? handler.memoryMb() : FunctionSettings.DEFAULT_MEMORY_SIZE_MB);
            return remember(JavaHandlerFunction.load(settings, loaders));
        }
        throw new IllegalStateException("unhandled function definition " + definition);
    }

    private JavaHandlerFunction remember(JavaHandlerFunction function) {
        created.add(function);
        return function;
    }

    @Override
    public void close() {
        created.forEach(JavaHandlerFunction::close);
        loaders.close();
    }
}
