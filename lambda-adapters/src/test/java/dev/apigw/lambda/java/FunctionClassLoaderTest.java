package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.java.handlers.GreetingHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function code from a jar built at test time, on no classpath but the function's own. */
class FunctionClassLoaderTest {

    private static final Map<String, String> SOURCES = Map.of(
            "fixture.Greeter", """
                    package fixture;
                    import com.amazonaws.services.lambda.runtime.*;
                    import java.util.Map;
                    public class Greeter implements RequestHandler<Map<String, String>, String> {
                        public String handleRequest(Map<String, String> event, Context context) {
                            return "hello " + event.get("name");
                        }
                    }""",
            "fixture.ProxyGreeter", """
                    package fixture;
                    import com.amazonaws.services.lambda.runtime.*;
                    import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
                    public class ProxyGreeter implements RequestHandler<APIGatewayProxyRequestEvent, String> {
                        public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                            return "hello " + event.getPath();
                        }
                    }""",
            "fixture.FailingInit", """
                    package fixture;
                    import com.amazonaws.services.lambda.runtime.*;
                    public class FailingInit implements RequestHandler<String, String> {
                        static final String CONFIG = load();
                        static String load() { throw new IllegalStateException("no config"); }
                        public String handleRequest(String event, Context context) { return CONFIG; }
                    }""",
            "fixture.NeedsLibrary", """
                    package fixture;
                    import com.amazonaws.services.lambda.runtime.*;
                    public class NeedsLibrary extends lib.Base implements RequestHandler<String, String> {
                        public String handleRequest(String event, Context context) { return event; }
                    }""",
            "lib.Base", "package lib; public class Base {}",
            "fixture.Thrower", """
                    package fixture;
                    import com.amazonaws.services.lambda.runtime.*;
                    public class Thrower implements RequestHandler<String, String> {
                        public String handleRequest(String event, Context context) {
                            throw new IllegalStateException("closed");
                        }
                    }""",
            // A class apigw has too: the function's own copy must win, as a user's Jackson wins over apigw's.
            "dev.apigw.lambda.java.handlers.GreetingHandler", """
                    package dev.apigw.lambda.java.handlers;
                    import com.amazonaws.services.lambda.runtime.*;
                    public class GreetingHandler implements RequestHandler<String, String> {
                        public String handleRequest(String name, Context context) { return "bonjour " + name; }
                    }""");

    @TempDir
    static Path workDir;

    private static Path jar;
    private static Path eventsDir;

    private final FunctionClassLoaders loaders = new FunctionClassLoaders();

    @BeforeAll
    static void buildFunctionCode() throws IOException {
        Path classes = FunctionJars.compile(workDir, SOURCES);
        // Like a shaded jar, it bundles aws-lambda-java-core; it leaves out lib.Base to miss a dependency.
        FunctionJars.copyClassFile(RequestHandler.class, classes);
        jar = FunctionJars.jar(classes, workDir.resolve("function.jar"), name -> !name.startsWith("lib/"));
        eventsDir = Files.createDirectories(workDir.resolve("events"));
        FunctionJars.copyClassFile(APIGatewayProxyRequestEvent.class, eventsDir);
    }

    @AfterEach
    void close() {
        loaders.close();
    }

    private JavaHandlerFunction load(String handler) {
        FunctionSettings settings =
                FunctionSettings.defaults("GetPet").withHandler(handler).withClasspath(List.of(jar));
        return JavaHandlerFunction.load(settings, loaders);
    }

    @Test
    void runs_a_handler_from_a_jar_on_the_function_classpath() {
        try (JavaHandlerFunction function = load("fixture.Greeter")) {
            assertThat(invoke(function, "{\"name\":\"Rex\"}").payloadAsString()).isEqualTo("\"hello Rex\"");
            assertThat(function.handlerClass().getClassLoader()).isInstanceOfSatisfying(FunctionClassLoader.class,
                    loader -> assertThat(loader.classpath()).containsExactly(jar.toAbsolutePath().normalize()));
        }
        assertThatThrownBy(() -> Class.forName("fixture.Greeter")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void reports_stack_frames_of_function_code_without_a_class_loader_prefix() {
        try (JavaHandlerFunction function = load("fixture.Thrower")) {
            InvocationResult result = invoke(function, "\"Rex\"");

            assertThat(result).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error -> assertThat(
                            error.stackTrace())
                    .containsExactly("fixture.Thrower.handleRequest(Thrower.java:5)",
                            "fixture.Thrower.handleRequest(Thrower.java:3)"));
        }
    }

    @Test
    void shares_the_lambda_core_api_with_apigw_even_when_the_jar_bundles_it() throws Exception {
        FunctionClassLoader loader = loaders.forClasspath(List.of(jar));

        assertThat(loader.loadClass(RequestHandler.class.getName())).isSameAs(RequestHandler.class);
        assertThat(RequestHandler.class).isAssignableFrom(loader.loadClass("fixture.Greeter"));
    }

    @Test
    void prefers_the_functions_own_copy_of_a_class_apigw_also_has() throws Exception {
        Class<?> own = loaders.forClasspath(List.of(jar)).loadClass(GreetingHandler.class.getName());

        assertThat(own).isNotSameAs(GreetingHandler.class);
        try (JavaHandlerFunction function = load(GreetingHandler.class.getName())) {
            assertThat(invoke(function, "\"Rex\"").payloadAsString()).isEqualTo("\"bonjour Rex\"");
        }
    }

    @Test
    void falls_back_to_apigws_events_library_when_the_function_has_none() throws Exception {
        assertThat(loaders.forClasspath(List.of(jar)).loadClass(APIGatewayProxyRequestEvent.class.getName()))
                .isSameAs(APIGatewayProxyRequestEvent.class);
        try (JavaHandlerFunction function = load("fixture.ProxyGreeter")) {
            assertThat(invoke(function, "{\"path\":\"/pets\"}").payloadAsString()).isEqualTo("\"hello /pets\"");
        }
    }

    @Test
    void takes_event_classes_from_the_function_classpath_when_it_has_them() throws Exception {
        FunctionClassLoader loader = loaders.forClasspath(List.of(eventsDir));

        assertThat(loader.loadClass(APIGatewayProxyRequestEvent.class.getName()).getClassLoader()).isSameAs(loader);
    }

    @Test
    void loads_jdk_classes_from_the_jdk() throws Exception {
        assertThat(loaders.forClasspath(List.of(jar)).loadClass("java.sql.Connection")).isSameAs(Connection.class);
    }

    @Test
    void creates_one_loader_per_distinct_classpath() {
        Path sameJar = jar.getParent().resolve(".").resolve(jar.getFileName());

        assertThat(loaders.forClasspath(List.of(sameJar))).isSameAs(loaders.forClasspath(List.of(jar)));
        assertThat(loaders.forClasspath(List.of(eventsDir))).isNotSameAs(loaders.forClasspath(List.of(jar)));
    }

    @Test
    void names_the_missing_class_and_the_classpath_it_searched() {
        assertThatThrownBy(() -> load("fixture.Missing"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class fixture.Missing for function GetPet was not found on the classpath [" + jar
                        + "]; check --classpath and the handler name (pkg.Class::method)");
    }

    @Test
    void names_the_missing_method() {
        assertThatThrownBy(() -> load("fixture.Greeter::wave"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageStartingWith("handler class fixture.Greeter for function GetPet has no public method wave");
    }

    @Test
    void names_a_dependency_missing_from_the_classpath() {
        assertThatThrownBy(() -> load("fixture.NeedsLibrary"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class fixture.NeedsLibrary for function GetPet needs class lib.Base, which is not "
                        + "on the classpath [" + jar + "]; add the jar that contains it to --classpath");
    }

    @Test
    void reports_a_failing_static_initializer() {
        assertThatThrownBy(() -> load("fixture.FailingInit"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class fixture.FailingInit for function GetPet failed in its static initializer "
                        + "with java.lang.IllegalStateException: no config; fix the static initializer (the cause is "
                        + "attached)");
    }

    @Test
    void names_a_classpath_entry_that_does_not_exist() {
        Path missing = workDir.resolve("missing.jar");
        FunctionSettings settings =
                FunctionSettings.defaults("GetPet").withHandler("fixture.Greeter").withClasspath(List.of(missing));

        assertThatThrownBy(() -> JavaHandlerFunction.load(settings, loaders))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("classpath entry " + missing + " of function GetPet does not exist; check --classpath");
    }
}
