package dev.apigw.emulator.integration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.apigw.emulator.FunctionConfig;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.reload.ChangeWatcher;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.java.FunctionClassLoaders;
import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.JavaHandlerFunction;
import dev.apigw.lambda.remote.RemoteLambda;
import dev.apigw.lambda.remote.SdkLambdaFunction;
import dev.apigw.lambda.runtime.RuntimeApiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Turns the configured function definitions into {@link LambdaFunction}s once, at startup: handler classes are
 * loaded through a class loader of their own (which gives them their environment), handler instances are adapted,
 * remote and out-of-process functions are connected. Every function the API calls must be defined; all that are missing or broken are reported together. Closing it stops the functions it
 * created and releases their class loaders; functions the caller passed in as {@link LambdaFunction}s stay theirs.
 * With hot reload, handler classes with a classpath of their own are reloaded when it changes.
 */
public final class FunctionLoader implements AutoCloseable {
    private final List<Path> sharedClasspath;
    private final Function<String, Map<String, String>> environments;
    private final Map<String, FunctionConfig> configs;
    private final @Nullable RemoteLambda remoteLambda;
    private final FunctionClassLoaders loaders = new FunctionClassLoaders();
    private final List<AutoCloseable> created = new ArrayList<>();
    private final boolean hotReload;
    private final int responseLimitBytes;
    private @Nullable ChangeWatcher watcher;

    public FunctionLoader(List<Path> sharedClasspath) {
        this(sharedClasspath, name -> Map.of(), Map.of(), null);
    }

    /**
     * @param environments each function's configured environment variables, by function name
     * @param configs per-function settings overriding the definitions
     * @param remoteLambda where {@link FunctionDefinition.Remote} functions are invoked
     */
    public FunctionLoader(List<Path> sharedClasspath, Function<String, Map<String, String>> environments,
            Map<String, FunctionConfig> configs, @Nullable RemoteLambda remoteLambda) {
        this(sharedClasspath, environments, configs, remoteLambda, false);
    }

    /**
     * @param hotReload reload a handler class when a file under its classpath changes
     */
    public FunctionLoader(List<Path> sharedClasspath, Function<String, Map<String, String>> environments,
            Map<String, FunctionConfig> configs, @Nullable RemoteLambda remoteLambda, boolean hotReload) {
        this(sharedClasspath, environments, configs, remoteLambda, hotReload,
                FunctionSettings.DEFAULT_RESPONSE_LIMIT_BYTES);
    }

    /**
     * @param responseLimitBytes the largest response payload an in-process Java function may return; larger ones
     *     fail with Lambda's {@code Function.ResponseSizeTooLarge}
     */
    public FunctionLoader(List<Path> sharedClasspath, Function<String, Map<String, String>> environments,
            Map<String, FunctionConfig> configs, @Nullable RemoteLambda remoteLambda, boolean hotReload,
            int responseLimitBytes) {
        this.responseLimitBytes = responseLimitBytes;
        this.sharedClasspath = List.copyOf(sharedClasspath);
        this.environments = environments;
        this.configs = Map.copyOf(configs);
        this.remoteLambda = remoteLambda;
        this.hotReload = hotReload;
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
        FunctionConfig config = configs.getOrDefault(name, FunctionConfig.NONE);
        if (definition instanceof FunctionDefinition.Instance instance) {
            if (instance.function() instanceof LambdaFunction function) {
                return function;
            }
            FunctionSettings settings = configured(FunctionSettings.defaults(name), instance.timeout(), null, config);
            return remember(JavaHandlerFunction.forInstance(settings, instance.function()));
        }
        if (definition instanceof FunctionDefinition.HandlerClass handler) {
            List<Path> classpath = new ArrayList<>(sharedClasspath);
            classpath.addAll(handler.classpath());
            FunctionSettings settings = configured(FunctionSettings.defaults(name).withHandler(handler.handler())
                    .withClasspath(classpath), handler.timeout(), handler.memoryMb(), config);
            if (hotReload && !classpath.isEmpty()) {
                return reloading(settings);
            }
            return remember(JavaHandlerFunction.load(settings, loaders));
        }
        if (definition instanceof FunctionDefinition.OutOfProcess child) {
            FunctionSettings settings = configured(FunctionSettings.defaults(name).withHandler(child.handler()),
                    child.timeout(), child.memoryMb(), config);
            RuntimeApiFunction function = RuntimeApiFunction.start(settings, child.runtime(), child.code());
            created.add(function);
            return function;
        }
        if (definition instanceof FunctionDefinition.Remote remote) {
            if (remoteLambda == null) {
                throw new HandlerLoadException("function " + name + " is remote (" + remote.functionName() + "), but no"
                        + " Lambda endpoint is configured; pass --lambda-endpoint URL (LocalStack, another apigw) or"
                        + " --lambda-region for AWS");
            }
            SdkLambdaFunction function = SdkLambdaFunction.create(name, remote.functionName(), remoteLambda);
            created.add(function);
            return function;
        }
        throw new IllegalStateException("unhandled function definition " + definition);
    }

    /** The definition's timeout and memory, then the function's config over them, and its environment. */
    private FunctionSettings configured(FunctionSettings settings, @Nullable Duration timeout,
            @Nullable Integer memoryMb, FunctionConfig config) {
        FunctionSettings configured = settings;
        Duration effectiveTimeout = config.timeout() != null ? config.timeout() : timeout;
        if (effectiveTimeout != null) {
            configured = configured.withTimeout(effectiveTimeout);
        }
        Integer effectiveMemory = config.memorySizeMb() != null ? config.memorySizeMb() : memoryMb;
        if (effectiveMemory != null) {
            configured = configured.withMemorySizeMb(effectiveMemory);
        }
        return configured.withReservedConcurrency(config.reservedConcurrency())
                .withEnvironment(environments.apply(settings.name()))
                .withResponseLimitBytes(responseLimitBytes);
    }

    /** A handler class reloaded whenever a file under its classpath changes; one watcher thread serves them all. */
    private ReloadingFunction reloading(FunctionSettings settings) {
        ReloadingFunction function = ReloadingFunction.load(settings, loaders);
        created.add(function);
        if (watcher == null) {
            watcher = new ChangeWatcher("classpath");
        }
        watcher.watch(settings.classpath(), function::reload);
        return function;
    }

    private JavaHandlerFunction remember(JavaHandlerFunction function) {
        created.add(function);
        return function;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        for (AutoCloseable function : created) {
            try {
                function.close();
            } catch (Exception e) {
                // Closing releases threads and connections; one that fails must not keep the others open.
            }
        }
        loaders.close();
    }
}
