package dev.apigw.lambda.java;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loaders of a gateway's functions. A function gets a {@link FunctionClassLoader} of its own
 * ({@link #forFunction}), holding its {@link LambdaEnvironment}: on Lambda every function has its own execution
 * environment, so two functions from one jar share neither static state nor environment variables, and each sees its
 * own name in {@code AWS_LAMBDA_FUNCTION_NAME}. {@link #forClasspath} instead shares one loader, without an
 * environment, among all callers of one classpath. Owned by one gateway; closing it closes every loader.
 */
public final class FunctionClassLoaders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionClassLoaders.class);

    private final ClassLoader apigw;
    private final Map<List<Path>, FunctionClassLoader> loaders = new ConcurrentHashMap<>();
    private final List<FunctionClassLoader> functionLoaders = new CopyOnWriteArrayList<>();

    /** Loaders whose parent is the loader of apigw itself. */
    public FunctionClassLoaders() {
        this(FunctionClassLoaders.class.getClassLoader());
    }

    /**
     * Loaders whose parent is {@code apigw}: it provides the Lambda core API and whatever a function's classpath
     * lacks.
     */
    public FunctionClassLoaders(ClassLoader apigw) {
        this.apigw = apigw;
    }

    /** The loader of this classpath, created on first use; paths are compared in absolute, normalized form. */
    public FunctionClassLoader forClasspath(List<Path> classpath) {
        return loaders.computeIfAbsent(normalized(classpath), entries -> new FunctionClassLoader(entries, apigw));
    }

    /**
     * A new loader for the function {@code settings} describes, reading its classpath, whose classes see the
     * function's {@link LambdaEnvironment} through {@code System.getenv}; its log stream name is that of a new
     * execution environment.
     *
     * @throws dev.apigw.lambda.HandlerLoadException when the function's configuration sets a reserved or invalid key
     */
    public FunctionClassLoader forFunction(FunctionSettings settings) {
        FunctionClassLoader loader = newLoader(settings);
        functionLoaders.add(loader);
        return loader;
    }

    /**
     * A new loader for the function {@code settings} describes, as {@link #forFunction} makes, that is not kept here:
     * hot reload gives each version of the code a loader of its own, closed when the version is replaced and its
     * invocations in flight end. The caller closes it.
     *
     * @throws dev.apigw.lambda.HandlerLoadException when the function's configuration sets a reserved or invalid key
     */
    public FunctionClassLoader newLoader(FunctionSettings settings) {
        LambdaEnvironment environment = LambdaEnvironment.of(settings, LocalLambdaContext.newLogStreamName());
        return new FunctionClassLoader(normalized(settings.classpath()), apigw, environment);
    }

    /** apigw's own loader, the parent of every function loader; functions with no classpath of their own use it. */
    ClassLoader apigw() {
        return apigw;
    }

    @Override
    public void close() {
        List<FunctionClassLoader> all = new ArrayList<>(loaders.values());
        all.addAll(functionLoaders);
        for (FunctionClassLoader loader : all) {
            try {
                loader.close();
            } catch (IOException e) {
                // Closing only releases open jar files; a failure leaves a file handle open until exit.
                LOG.debug("could not close the class loader of {}", loader.classpath(), e);
            }
        }
        loaders.clear();
        functionLoaders.clear();
    }

    private static List<Path> normalized(List<Path> classpath) {
        return classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
