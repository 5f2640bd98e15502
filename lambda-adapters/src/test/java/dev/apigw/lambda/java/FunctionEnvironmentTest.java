package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.invoke;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.InvocationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function code loaded from its own classpath reads its own environment through plain {@code System.getenv}: the
 * classes are compiled at test time, loaded by real {@link FunctionClassLoader}s and invoked as handlers.
 */
class FunctionEnvironmentTest {

    private static final Map<String, String> SOURCES = Map.of(
            "envfn.Lookup", """
                    package envfn;
                    import com.amazonaws.services.lambda.runtime.*;
                    import java.util.*;
                    /** Reads the variable named by the event in every way code reads environment variables. */
                    public class Lookup implements RequestHandler<String, Map<String, String>> {
                        public Map<String, String> handleRequest(String key, Context context) {
                            Map<String, String> found = new TreeMap<>();
                            found.put("call", String.valueOf(System.getenv(key)));
                            found.put("map", String.valueOf(System.getenv().get(key)));
                            found.put("methodReference", Optional.of(key).map(System::getenv).orElse("null"));
                            String[] seen = new String[1];
                            Thread own = new Thread(() -> seen[0] = System.getenv(key));
                            own.start();
                            try {
                                own.join();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            found.put("ownThread", String.valueOf(seen[0]));
                            found.put("logStream", context.getLogStreamName());
                            return found;
                        }
                    }""",
            "envfn.Everything", """
                    package envfn;
                    import com.amazonaws.services.lambda.runtime.*;
                    import java.util.*;
                    public class Everything implements RequestHandler<String, Map<String, String>> {
                        public Map<String, String> handleRequest(String event, Context context) {
                            return new TreeMap<>(System.getenv());
                        }
                    }""",
            "envfn.AtInit", """
                    package envfn;
                    import com.amazonaws.services.lambda.runtime.*;
                    /** Reads its configuration once, in the init phase, as Lambda code often does. */
                    public class AtInit implements RequestHandler<String, String> {
                        private static final String TABLE = System.getenv("TABLE");
                        public String handleRequest(String event, Context context) {
                            return TABLE;
                        }
                    }""");

    @TempDir
    static Path workDir;

    private static Path classes;
    private static Path jar;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionClassLoaders loaders = new FunctionClassLoaders();
    private final List<JavaHandlerFunction> opened = new ArrayList<>();

    @BeforeAll
    static void buildFunctionCode() throws IOException {
        classes = FunctionJars.compile(workDir, SOURCES);
        jar = FunctionJars.jar(classes, workDir.resolve("function.jar"), name -> true);
    }

    @AfterEach
    void close() {
        opened.forEach(JavaHandlerFunction::close);
        loaders.close();
    }

    private JavaHandlerFunction load(FunctionSettings settings) {
        JavaHandlerFunction function = JavaHandlerFunction.load(settings, loaders.forFunction(settings));
        opened.add(function);
        return function;
    }

    private static FunctionSettings function(String name, String handler, Path code, Map<String, String> environment) {
        return FunctionSettings.defaults(name).withHandler(handler).withClasspath(List.of(code))
                .withEnvironment(environment);
    }

    private static Map<String, String> call(JavaHandlerFunction function, String event) throws IOException {
        InvocationResult result = invoke(function, event);
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        return JSON.readValue(result.payloadAsString(), new TypeReference<>() {});
    }

    @Test
    void two_functions_with_the_same_code_each_read_their_own_value_however_they_read_it() throws IOException {
        JavaHandlerFunction pets = load(function("GetPet", "envfn.Lookup", classes, Map.of("TABLE", "pets")));
        JavaHandlerFunction owners = load(function("GetOwner", "envfn.Lookup", jar, Map.of("TABLE", "owners")));

        assertThat(call(pets, "\"TABLE\"")).containsEntry("call", "pets").containsEntry("map", "pets")
                .containsEntry("methodReference", "pets").containsEntry("ownThread", "pets");
        assertThat(call(owners, "\"TABLE\"")).containsEntry("call", "owners").containsEntry("map", "owners")
                .containsEntry("methodReference", "owners").containsEntry("ownThread", "owners");
    }

    @Test
    void functions_invoked_at_the_same_time_never_see_each_others_values() throws Exception {
        JavaHandlerFunction pets = load(function("GetPet", "envfn.Lookup", classes, Map.of("TABLE", "pets")));
        JavaHandlerFunction owners = load(function("GetOwner", "envfn.Lookup", classes, Map.of("TABLE", "owners")));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map<String, String>>> petResults = new ArrayList<>();
            List<Future<Map<String, String>>> ownerResults = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                petResults.add(callers.submit((Callable<Map<String, String>>) () -> call(pets, "\"TABLE\"")));
                ownerResults.add(callers.submit((Callable<Map<String, String>>) () -> call(owners, "\"TABLE\"")));
            }
            for (Future<Map<String, String>> result : petResults) {
                assertThat(result.get().values()).containsOnly("pets", result.get().get("logStream"));
            }
            for (Future<Map<String, String>> result : ownerResults) {
                assertThat(result.get().values()).containsOnly("owners", result.get().get("logStream"));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void each_function_has_its_own_classes_and_static_state_as_on_lambda() throws IOException {
        JavaHandlerFunction pets = load(function("GetPet", "envfn.AtInit", classes, Map.of("TABLE", "pets")));
        JavaHandlerFunction owners = load(function("GetOwner", "envfn.AtInit", classes, Map.of("TABLE", "owners")));

        assertThat(invoke(pets, "\"\"").payloadAsString()).isEqualTo("\"pets\"");
        assertThat(invoke(owners, "\"\"").payloadAsString()).isEqualTo("\"owners\"");
        assertThat(pets.handlerClass()).isNotSameAs(owners.handlerClass());
    }

    @Test
    void sets_lambdas_standard_variables_for_the_function() throws IOException {
        FunctionSettings settings = function("GetPet", "envfn.Everything::handleRequest", jar, Map.of("TABLE", "pets"))
                .withMemorySizeMb(512);
        FunctionClassLoader loader = loaders.forFunction(settings);
        JavaHandlerFunction function = JavaHandlerFunction.load(settings, loader);
        opened.add(function);

        Map<String, String> environment = call(function, "\"\"");

        String logStream = loader.environment().logStreamName();
        assertThat(logStream).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(environment)
                .containsEntry("TABLE", "pets")
                .containsEntry("_HANDLER", "envfn.Everything::handleRequest")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "GetPet")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/GetPet")
                .containsEntry("AWS_LAMBDA_LOG_STREAM_NAME", logStream)
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_DEFAULT_REGION", "us-east-1")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature())
                .containsEntry("LAMBDA_TASK_ROOT", jar.toAbsolutePath().normalize().toString())
                .containsEntry("LAMBDA_RUNTIME_DIR", System.getProperty("java.home"))
                .containsEntry("TZ", ":UTC")
                .containsEntry("LANG", "en_US.UTF-8")
                .doesNotContainKey("AWS_LAMBDA_RUNTIME_API");
    }

    @Test
    void passes_on_only_path_and_credentials_from_the_jvms_environment() throws IOException {
        JavaHandlerFunction function = load(function("GetPet", "envfn.Everything", classes, Map.of("TABLE", "pets")));

        Map<String, String> environment = call(function, "\"\"");

        Set<String> leaked = new HashSet<>(System.getenv().keySet());
        leaked.retainAll(environment.keySet());
        leaked.removeAll(LambdaEnvironment.FROM_JVM);
        // A JVM variable may share its name with a Lambda one (LANG, TZ); then it must carry Lambda's value.
        leaked.removeIf(name -> !environment.get(name).equals(System.getenv(name)));
        assertThat(leaked).isEmpty();
        for (String name : LambdaEnvironment.FROM_JVM) {
            assertThat(environment.get(name)).as(name).isEqualTo(System.getenv(name));
        }
    }

    @Test
    void configured_values_override_unreserved_variables_lambda_sets() throws IOException {
        JavaHandlerFunction function =
                load(function("GetPet", "envfn.Everything", classes, Map.of("LANG", "de_DE.UTF-8", "PATH", "/opt/x")));

        assertThat(call(function, "\"\"")).containsEntry("LANG", "de_DE.UTF-8").containsEntry("PATH", "/opt/x");
    }

    @Test
    void tz_is_unreserved_so_a_configured_time_zone_reaches_the_function() throws IOException {
        // configuration-envvars.html lists TZ among the unreserved variables; Lambda accepts it (aws/aws-cdk#38753).
        JavaHandlerFunction function =
                load(function("GetPet", "envfn.Everything", classes, Map.of("TZ", "Europe/Berlin")));

        assertThat(call(function, "\"\"")).containsEntry("TZ", "Europe/Berlin");
    }

    @Test
    void an_unset_variable_is_null_even_when_the_jvm_has_it() throws IOException {
        String jvmOnly = System.getenv().keySet().stream()
                .filter(name -> !LambdaEnvironment.FROM_JVM.contains(name) && !name.equals("LANG"))
                .filter(name -> !LambdaEnvironment.RESERVED.contains(name))
                .findFirst().orElseThrow();
        JavaHandlerFunction function = load(function("GetPet", "envfn.Lookup", classes, Map.of()));

        assertThat(call(function, "\"" + jvmOnly + "\"")).containsEntry("call", "null").containsEntry("map", "null");
    }

    @Test
    void rejects_reserved_keys_in_the_configuration_as_lambda_does() {
        FunctionSettings settings =
                function("GetPet", "envfn.Lookup", classes, Map.of("TABLE", "pets", "AWS_REGION", "eu-west-1", "_HANDLER", "x"));

        assertThatThrownBy(() -> loaders.forFunction(settings))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("function GetPet configures the environment variables AWS_REGION, _HANDLER, which Lambda reserves"
                        + " and rejects (InvalidParameterValueException); rename them in --env-vars, --function-env"
                        + " or the project file");
    }

    @Test
    void rejects_keys_lambda_does_not_accept() {
        FunctionSettings settings = function("GetPet", "envfn.Lookup", classes, Map.of("table-name", "pets"));

        assertThatThrownBy(() -> loaders.forFunction(settings))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("function GetPet configures the environment variable 'table-name', which Lambda rejects"
                        + " (ValidationException): keys must start with a letter and hold at least two letters, digits"
                        + " or underscores; rename it");
    }

    @Test
    void warns_once_that_code_outside_a_function_class_loader_sees_the_jvms_environment() {
        try (LogRecorder log = LogRecorder.of(LambdaEnvironment.class.getName())) {
            LambdaEnvironment.checkOutsideFunctionClassLoader(
                    FunctionSettings.defaults("GetPet").withEnvironment(Map.of("TABLE", "pets")));
            LambdaEnvironment.checkOutsideFunctionClassLoader(FunctionSettings.defaults("ListPets"));

            assertThat(log.lines()).containsExactly("WARNING function GetPet has environment variables [TABLE] configured, but"
                    + " its code is not loaded from a classpath of its own, so System.getenv there returns the JVM's"
                    + " environment, not these; load it by handler class from its own classpath (--function"
                    + " NAME=pkg.Class::method --classpath DIR) to give it its own environment");
        }
    }

    @Test
    void code_outside_a_function_class_loader_is_checked_for_reserved_keys_too() {
        assertThatThrownBy(() -> LambdaEnvironment.checkOutsideFunctionClassLoader(
                        FunctionSettings.defaults("GetPet").withEnvironment(Map.of("_HANDLER", "x"))))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageStartingWith("function GetPet configures the environment variable _HANDLER, which Lambda");
    }

    @Test
    void a_loader_without_environment_leaves_classes_as_they_are() throws Exception {
        FunctionClassLoader shared = loaders.forClasspath(List.of(classes));

        assertThat(shared.environment()).isNull();
        JavaHandlerFunction function = JavaHandlerFunction.load(
                function("GetPet", "envfn.Lookup", classes, Map.of()), shared);
        opened.add(function);
        String jvmVariable = System.getenv().keySet().iterator().next();
        assertThatJson(invoke(function, "\"" + jvmVariable + "\"").payloadAsString())
                .node("call").isEqualTo(System.getenv(jvmVariable));
    }
}
