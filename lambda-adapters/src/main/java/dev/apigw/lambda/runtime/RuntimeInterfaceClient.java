package dev.apigw.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.apigw.lambda.HandlerLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Where AWS's runtime interface client (aws-lambda-java-runtime-interface-client, the Java runtime's own bootstrap)
 * and the libraries it needs are on apigw's class path, to give a child JVM the same.
 *
 * <p>Run from Maven or an IDE, each library is its own jar and the child uses those jars. Run from apigw's shaded
 * jar, everything is one jar, and the child must not see apigw's libraries (the function brings its own, as on AWS),
 * so the runtime's packages are copied once into a jar of their own: the client with its native library, the core
 * and serialization libraries, and the SDK utility it uses; not the events library, which functions package
 * themselves.
 */
final class RuntimeInterfaceClient {
    static final String MAIN_CLASS = AWSLambda.class.getName();

    /** Entries of the runtime's libraries in a shaded jar (also under {@code META-INF/versions/N/}). */
    private static final List<String> RUNTIME_PACKAGES = List.of("com/amazonaws/services/lambda/",
            "com/amazonaws/lambda/thirdparty/", "META-INF/services/com.amazonaws.", "software/amazon/awssdk/utilslite/",
            "jni/");
    private static final String EVENTS_PACKAGE = "com/amazonaws/services/lambda/runtime/events/";

    private static @Nullable List<Path> classpath;

    private RuntimeInterfaceClient() {}

    /** The class path entries of the runtime interface client and its dependencies. */
    static synchronized List<Path> classpath() {
        if (classpath == null) {
            Set<Path> entries = new LinkedHashSet<>();
            for (Class<?> type : List.of(AWSLambda.class, Context.class, PojoSerializer.class,
                    SdkInternalThreadLocal.class)) {
                entries.add(locationOf(type));
            }
            classpath = entries.contains(locationOf(RuntimeInterfaceClient.class))
                    ? List.of(extractFromShadedJar(locationOf(RuntimeInterfaceClient.class)))
                    : List.copyOf(entries);
        }
        return classpath;
    }

    private static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new HandlerLoadException("cannot find the jar of " + type.getName() + " for out-of-process Java "
                    + "functions; run apigw from its jar or from Maven");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new HandlerLoadException("cannot find the jar of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static Path extractFromShadedJar(Path shadedJar) {
        try {
            Path jar = Files.createTempFile("apigw-lambda-runtime-", ".jar");
            jar.toFile().deleteOnExit();
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
            try (JarFile source = new JarFile(shadedJar.toFile());
                    JarOutputStream target = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                for (JarEntry entry : (Iterable<JarEntry>) source.stream()::iterator) {
                    if (isRuntimeEntry(entry.getName())) {
                        target.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream in = source.getInputStream(entry)) {
                            in.transferTo(target);
                        }
                        target.closeEntry();
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new HandlerLoadException("cannot prepare the Lambda Java runtime from " + shadedJar + ": "
                    + e.getMessage() + "; check that the temp directory is writable", e);
        }
    }

    private static boolean isRuntimeEntry(String name) {
        String path = name.replaceFirst("^META-INF/versions/\\d+/", "");
        return !path.startsWith(EVENTS_PACKAGE) && RUNTIME_PACKAGES.stream().anyMatch(path::startsWith);
    }

}
