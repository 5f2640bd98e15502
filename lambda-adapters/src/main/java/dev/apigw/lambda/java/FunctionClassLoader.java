package dev.apigw.lambda.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The class loader of one function classpath (directories and jars), created once per distinct classpath by
 * {@link FunctionClassLoaders}.
 *
 * <p>On AWS the function's code sits alone on its classpath, next to a runtime whose own libraries are shaded. Here
 * apigw's libraries (Jackson, SLF4J, …) are visible through the parent, so this loader looks in the function's
 * classpath <em>first</em>: the user's own Jackson, Guava or SLF4J win over apigw's. Two kinds of classes come from
 * apigw's loader first instead:
 * <ul>
 *   <li>JDK classes (whatever the platform class loader can load);
 *   <li>the Lambda core API, {@code com.amazonaws.services.lambda.runtime.*} except the {@code events} and
 *       {@code serialization} packages. On AWS the runtime provides it, so a shaded jar that bundles
 *       aws-lambda-java-core still works; here too its {@code RequestHandler} and {@code Context} are the same
 *       {@code Class} objects apigw calls through. A core class apigw does not have is looked up in the function's
 *       classpath after all.
 * </ul>
 * The events library ({@code com.amazonaws.services.lambda.runtime.events.*}) is loaded child-first like any user
 * library: AWS's Java runtime takes event classes from the user's jar. When the function's classpath lacks them, they
 * fall back to apigw's copy, where AWS would fail with {@code NoClassDefFoundError}; apigw chooses to be lenient here.
 *
 * <p>The loader is deliberately unnamed: a named loader would prefix every stack frame in error documents
 * ({@code name//com.example.Handler.handleRequest(...)}), which AWS's do not have.
 */
public final class FunctionClassLoader extends URLClassLoader {

    private static final String CORE_API = "com.amazonaws.services.lambda.runtime.";
    private static final String EVENTS = CORE_API + "events.";
    private static final String SERIALIZATION = CORE_API + "serialization.";

    static {
        registerAsParallelCapable();
    }

    private final List<Path> classpath;
    private final ClassLoader jdk = ClassLoader.getPlatformClassLoader();

    FunctionClassLoader(List<Path> classpath, ClassLoader apigw) {
        super(urls(classpath), apigw);
        this.classpath = List.copyOf(classpath);
    }

    /** The directories and jars this loader reads, in lookup order. */
    public List<Path> classpath() {
        return classpath;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = fromJdk(name);
            }
            if (loaded == null) {
                loaded = isCoreApi(name) ? fromApigwThenOwn(name) : fromOwnThenApigw(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public @Nullable URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    static boolean isCoreApi(String className) {
        return className.startsWith(CORE_API)
                && !className.startsWith(EVENTS)
                && !className.startsWith(SERIALIZATION);
    }

    private @Nullable Class<?> fromJdk(String name) {
        try {
            return jdk.loadClass(name);
        } catch (ClassNotFoundException notJdk) {
            return null;
        }
    }

    private Class<?> fromApigwThenOwn(String name) throws ClassNotFoundException {
        try {
            return getParent().loadClass(name);
        } catch (ClassNotFoundException notInApigw) {
            return findClass(name);
        }
    }

    private Class<?> fromOwnThenApigw(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notOwn) {
            return getParent().loadClass(name);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        return classpath.stream().map(FunctionClassLoader::url).toArray(URL[]::new);
    }

    private static URL url(Path entry) {
        try {
            // Path.toUri ends a directory's URI with '/', which URLClassLoader needs to treat it as a directory.
            return entry.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException("classpath entry " + entry + " is not a valid URL", e);
        }
    }
}
