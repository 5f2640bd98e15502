package dev.apigw.lambda.java;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link FunctionClassLoader} per distinct classpath, so that functions deployed from the same jar share their
 * classes (and static state) as they would share a jar, while functions from different jars stay apart. Owned by one
 * gateway; closing it closes every loader.
 */
public final class FunctionClassLoaders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionClassLoaders.class);

    private final ClassLoader apigw;
    private final Map<List<Path>, FunctionClassLoader> loaders = new ConcurrentHashMap<>();

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
        List<Path> key = classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        return loaders.computeIfAbsent(key, entries -> new FunctionClassLoader(entries, apigw));
    }

    /** apigw's own loader, the parent of every function loader; functions with no classpath of their own use it. */
    ClassLoader apigw() {
        return apigw;
    }

    @Override
    public void close() {
        for (FunctionClassLoader loader : loaders.values()) {
            try {
                loader.close();
            } catch (IOException e) {
                // Closing only releases open jar files; a failure leaves a file handle open until exit.
                LOG.debug("could not close the class loader of {}", loader.classpath(), e);
            }
        }
        loaders.clear();
    }
}
