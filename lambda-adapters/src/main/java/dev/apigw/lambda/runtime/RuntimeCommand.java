package dev.apigw.lambda.runtime;

import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.java.FunctionSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process that runs a function's runtime, checked once at startup.
 *
 * <ul>
 *   <li>{@code provided}: {@code <code>/bootstrap}, which must be executable, as Lambda runs it for custom
 *       runtimes [D: "Building a custom runtime"].
 *   <li>{@code java17}/{@code java21}: a JVM of that release running AWS's runtime interface client with the
 *       handler as its argument, the function's code first on the class path, like the managed Java runtimes'
 *       bootstrap. Its JVM options follow that bootstrap (serial GC, C1 only, heap at 85% of the memory size)
 *       [unconfirmed: read from the java17 runtime's {@code /var/runtime/bootstrap}, not documented].
 * </ul>
 *
 * @param command the program and its arguments
 * @param taskRoot the code directory: the working directory and {@code LAMBDA_TASK_ROOT} (a jar's directory)
 */
record RuntimeCommand(List<String> command, Path taskRoot) {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeCommand.class);

    static RuntimeCommand of(FunctionSettings settings, String runtime, Path code) {
        String name = settings.name();
        Path absoluteCode = code.toAbsolutePath().normalize();
        if (!Files.exists(absoluteCode)) {
            throw new HandlerLoadException("the code " + code + " of function " + name + " does not exist; check --code"
                    + " (a directory or jar)");
        }
        return switch (runtime) {
            case "provided" -> provided(name, absoluteCode);
            case "java17" -> java(settings, runtime, javaLauncher(name, 17), absoluteCode);
            case "java21" -> java(settings, runtime, javaLauncher(name, 21), absoluteCode);
            default -> throw new HandlerLoadException("runtime " + runtime + " of function " + name
                    + " is not supported; use java17, java21 or provided");
        };
    }

    private static RuntimeCommand provided(String name, Path code) {
        Path bootstrap = code.resolve("bootstrap");
        if (!Files.isDirectory(code) || !Files.isRegularFile(bootstrap)) {
            throw new HandlerLoadException("function " + name + " has runtime provided, but " + bootstrap
                    + " does not exist; --code must be a directory with an executable file named bootstrap");
        }
        if (!Files.isExecutable(bootstrap)) {
            throw new HandlerLoadException("the bootstrap " + bootstrap + " of function " + name
                    + " is not executable; run chmod +x " + bootstrap);
        }
        return new RuntimeCommand(List.of(bootstrap.toString()), code);
    }

    private static RuntimeCommand java(FunctionSettings settings, String runtime, Path java, Path code) {
        String handler = settings.handler();
        if (handler == null || handler.isBlank()) {
            throw new HandlerLoadException("function " + settings.name() + " has runtime " + runtime
                    + " but no handler; pass --function " + settings.name() + "=com.example.Handler::handleRequest");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(code);
        classpath.addAll(RuntimeInterfaceClient.classpath());
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-XX:MaxHeapSize=" + settings.memorySizeMb() * 85 / 100 + "m",
                "-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                RuntimeInterfaceClient.MAIN_CLASS, handler));
        Path taskRoot = Files.isDirectory(code) ? code : code.getParent();
        return new RuntimeCommand(command, taskRoot);
    }

    private static Path javaLauncher(String name, int feature) {
        return JavaInstallations.javaLauncher(feature).orElseGet(() -> {
            if (feature == 17) {
                // apigw itself needs 17 or newer, which runs code compiled for 17.
                LOG.warn("function {} has runtime java17, but no JDK 17 was found; running it on Java {}",
                        name, Runtime.version().feature());
                return JavaInstallations.currentLauncher();
            }
            throw new HandlerLoadException("function " + name + " has runtime java" + feature + ", but no JDK "
                    + feature + " was found; set JAVA" + feature + "_HOME to one, or install it under /usr/lib/jvm");
        });
    }
}
