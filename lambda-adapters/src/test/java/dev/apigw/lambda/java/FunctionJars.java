package dev.apigw.lambda.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds function code at test time, so that it is on no classpath but the function's own. */
final class FunctionJars {

    private FunctionJars() {}

    /** Compiles {@code sources} (binary class name → source) against the Lambda core and events jars. */
    static Path compile(Path directory, Map<String, String> sources) throws IOException {
        Path sourceDir = Files.createDirectories(directory.resolve("src"));
        Path classesDir = Files.createDirectories(directory.resolve("classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        List<String> arguments = Stream.concat(
                        Stream.of("-d", classesDir.toString(), "-classpath", compileClasspath()),
                        sources.keySet().stream()
                                .map(name -> sourceDir.resolve(name.replace('.', '/') + ".java").toString()))
                .toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
        return classesDir;
    }

    /** Puts the class files of {@code classesDir} that pass {@code include} into a jar. */
    static Path jar(Path classesDir, Path jar, Predicate<String> include) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classesDir.relativize(file).toString().replace('\\', '/');
                if (include.test(name)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /** Copies the class file of {@code type}, as found on apigw's classpath, into {@code directory}. */
    static void copyClassFile(Class<?> type, Path directory) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        Path target = directory.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(name);
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    private static String compileClasspath() {
        return String.join(
                File.pathSeparator, location(RequestHandler.class), location(APIGatewayProxyRequestEvent.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no file location for " + type, e);
        }
    }
}
