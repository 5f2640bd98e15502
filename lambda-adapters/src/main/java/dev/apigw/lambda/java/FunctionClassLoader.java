package dev.apigw.lambda.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
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
 * <p>A loader created for one function ({@link FunctionClassLoaders#forFunction}) holds that function's
 * {@link LambdaEnvironment} and rewrites the classes it defines ({@link ClassFileRewriter}) so that their
 * {@code System.getenv} calls answer from it. Every loader rewrites {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} calls into a function error ({@link FunctionExit}): they would stop apigw.
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
    private final @Nullable LambdaEnvironment environment;
    private final ClassLoader jdk = ClassLoader.getPlatformClassLoader();
    /** Jars opened to read class files for rewriting; closed with the loader, as URLClassLoader closes its own. */
    private final Set<JarFile> openedJars = ConcurrentHashMap.newKeySet();

    FunctionClassLoader(List<Path> classpath, ClassLoader apigw) {
        this(classpath, apigw, null);
    }

    /** A loader whose classes see {@code environment} through {@code System.getenv}, unless it is null. */
    FunctionClassLoader(List<Path> classpath, ClassLoader apigw, @Nullable LambdaEnvironment environment) {
        super(urls(classpath), apigw);
        this.classpath = List.copyOf(classpath);
        this.environment = environment;
    }

    /** The directories and jars this loader reads, in lookup order. */
    public List<Path> classpath() {
        return classpath;
    }

    /** What {@code System.getenv} returns in the classes of this loader; null when they see the JVM's environment. */
    public @Nullable LambdaEnvironment environment() {
        return environment;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                // Rewritten calls must reach apigw's copies, which know this loader, even if the classpath has others.
                loaded = rewriteTarget(name);
            }
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

    private static @Nullable Class<?> rewriteTarget(String name) {
        if (name.equals(FunctionEnvironment.class.getName())) {
            return FunctionEnvironment.class;
        }
        if (name.equals(FunctionExit.class.getName())) {
            return FunctionExit.class;
        }
        return name.equals(FunctionExit.Exited.class.getName()) ? FunctionExit.Exited.class : null;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            throw new ClassNotFoundException(name);
        }
        try {
            return defineRewritten(name, path, url);
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " could not be read from " + url, e);
        }
    }

    /** Defines the class as URLClassLoader would, from the rewritten class file, with the same package and source. */
    private Class<?> defineRewritten(String name, String path, URL url) throws IOException {
        URLConnection connection = url.openConnection();
        byte[] classFile;
        try (InputStream in = connection.getInputStream()) {
            classFile = in.readAllBytes();
        }
        URL entry;
        Manifest manifest = null;
        CodeSigner[] signers = null;
        if (connection instanceof JarURLConnection jar) {
            openedJars.add(jar.getJarFile());
            entry = jar.getJarFileURL();
            manifest = jar.getManifest();
            signers = jar.getJarEntry().getCodeSigners(); // known only once the entry has been read
        } else {
            String text = url.toString();
            entry = URI.create(text.substring(0, text.length() - path.length())).toURL();
        }
        definePackageOf(name, manifest, entry);
        byte[] rewritten = ClassFileRewriter.rewrite(classFile, environment != null);
        return defineClass(name, rewritten, 0, rewritten.length, new CodeSource(entry, signers));
    }

    private void definePackageOf(String className, @Nullable Manifest manifest, URL entry) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String packageName = className.substring(0, dot);
        if (getDefinedPackage(packageName) != null) {
            return;
        }
        try {
            if (manifest != null) {
                definePackage(packageName, manifest, entry);
            } else {
                definePackage(packageName, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException definedMeanwhile) {
            // Another thread defined the package first (classes load in parallel); it is the same package.
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        for (JarFile jar : openedJars) {
            jar.close();
        }
        openedJars.clear();
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
