package dev.apigw.emulator.integration;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.reload.Generations;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.lambda.java.FunctionClassLoader;
import dev.apigw.lambda.java.FunctionClassLoaders;
import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.JavaHandlerFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler class whose code is loaded again when its classpath changes ({@code --classpath} directories rewritten by
 * {@code mvn compile}, a rebuilt jar). As on AWS after an {@code UpdateFunctionCode}, the next invocation runs the new
 * code in a fresh environment (a new class loader: static state starts over, the init phase runs again), while
 * invocations already running finish on the old code, whose worker threads and class loader are released afterwards.
 * Code that does not load (a class missing halfway through a compile) leaves the old code serving.
 */
final class ReloadingFunction implements LambdaFunction, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingFunction.class);

    private final FunctionSettings settings;
    private final FunctionClassLoaders loaders;
    private final Generations<LoadedCode> code;

    private ReloadingFunction(FunctionSettings settings, FunctionClassLoaders loaders, LoadedCode first) {
        this.settings = settings;
        this.loaders = loaders;
        this.code = new Generations<>(first);
    }

    /**
     * Loads the handler the first time, in a class loader of its own that gives the function its environment, as every
     * reload does: each version of the code owns its loader, which is closed, and its classes and static state left
     * to the garbage collector, once a newer version serves and the invocations running it have ended.
     *
     * @throws dev.apigw.lambda.HandlerLoadException when the handler cannot be loaded
     */
    static ReloadingFunction load(FunctionSettings settings, FunctionClassLoaders loaders) {
        JavaHandlerFunction.checkClasspath(settings);
        FunctionClassLoader loader = loaders.newLoader(settings);
        try {
            return new ReloadingFunction(settings, loaders, new LoadedCode(JavaHandlerFunction.load(settings, loader), loader));
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(loader);
            throw e;
        }
    }

    @Override
    public InvocationResult invoke(byte[] payload, InvocationOptions options) {
        try (Generations.Lease<LoadedCode> lease = code.acquire()) {
            return lease.value().function().invoke(payload, options);
        }
    }

    @Override
    public CompletableFuture<InvocationResult> invokeAsync(byte[] payload, InvocationOptions options, Executor runner) {
        Generations.Lease<LoadedCode> lease = code.acquire();
        try {
            // Held, as by invoke, until the caller has its answer.
            return lease.value().function().invokeAsync(payload, options, runner)
                    .whenComplete((result, failure) -> lease.close());
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Loads the classpath's current code in a new class loader and makes it serve the next invocations. */
    void reload() {
        long start = System.nanoTime();
        FunctionClassLoader loader = null;
        JavaHandlerFunction function;
        try {
            loader = loaders.newLoader(settings);
            function = JavaHandlerFunction.load(settings, loader);
        } catch (RuntimeException | LinkageError e) {
            if (loader != null) {
                closeQuietly(loader);
            }
            LOG.warn("function {} was not reloaded, it keeps its previous code: {}; apigw tries again on the next change",
                    settings.name(), e.getMessage() != null ? e.getMessage() : e.toString());
            return;
        }
        code.replace(new LoadedCode(function, loader));
        LOG.info("reloaded function {} from {} in {} ms", settings.name(), settings.classpath(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Stops the current code once the invocations running it end. */
    @Override
    public void close() {
        code.close();
    }

    @Override
    public String toString() {
        return "ReloadingFunction[" + settings.name() + ", " + settings.handler() + "]";
    }

    private static void closeQuietly(FunctionClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Closing only releases open jar files; a failure leaves a file handle open until exit.
            LOG.debug("could not close the class loader of {}", loader.classpath(), e);
        }
    }

    /** One version of the code: the loaded handler, and the class loader it owns. */
    private record LoadedCode(JavaHandlerFunction function, FunctionClassLoader loader) implements AutoCloseable {
        @Override
        public void close() {
            function.close();
            closeQuietly(loader);
        }
    }
}
