package dev.apigw.emulator.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Writes handler sources and compiles them with the JDK's compiler, as {@code mvn compile} would. */
public final class HandlerSources {
    private HandlerSources() {}

    /** A handler {@code reload.Hello} answering every request with status 200 and {@code body}. */
    static String hello(String body) {
        return """
                package reload;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;

                public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    @Override
                    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                        return Map.of("statusCode", 200, "body", "%s");
                    }
                }
                """.formatted(body);
    }

    /** Compiles {@code sources} (class name → source) into {@code classes}, overwriting what is there. */
    public static void compile(Path classes, Map<String, String> sources) {
        try {
            Path sourceDir = Files.createTempDirectory("apigw-reload-src");
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                    "-classpath", System.getProperty("java.class.path")));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            // javac prints its errors to stderr, where the test report shows them.
            assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac status").isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
