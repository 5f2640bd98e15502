package dev.apigw.lambda.java;

import dev.apigw.lambda.HandlerLoadException;
import dev.apigw.lambda.LocalAccount;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environment variables one function sees through {@code System.getenv}, as the Lambda Java runtime sets them
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html">Defined runtime environment
 * variables</a>): the function's configured variables, Lambda's standard variables about the function and the
 * runtime, and — in place of what the execution environment provides — a few variables taken from the JVM's own
 * environment: {@code PATH} and {@code LD_LIBRARY_PATH}, which Lambda also sets, and the developer's AWS credentials
 * and profile, which stand in for the execution role's credentials (as {@code sam local} passes them on). Nothing
 * else of the developer's shell leaks in.
 *
 * @param variables every variable, sorted by name
 * @param logStreamName the log stream of the function's execution environment, also in
 *     {@code AWS_LAMBDA_LOG_STREAM_NAME}
 */
public record LambdaEnvironment(Map<String, String> variables, String logStreamName) {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaEnvironment.class);


    /**
     * Keys Lambda sets itself and rejects in a function's configuration with "Reserved keys used in this request"
     * [D] configuration-envvars.html, the list the AWS CDK checks [K] aws/aws-cdk#28048. TZ is not among them: the
     * page lists it under the unreserved variables, and Lambda accepts it [K] aws/aws-cdk#38753,
     * cloudtools/troposphere#2260.
     */
    static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    /**
     * Taken from the JVM's environment when set there. PATH and LD_LIBRARY_PATH exist on Lambda too (with its own
     * directories, useless here); the credential variables are how the execution role's credentials reach the code
     * on Lambda, and the profile variables let an SDK in the function find the developer's credentials instead.
     */
    static final List<String> FROM_JVM = List.of("PATH", "LD_LIBRARY_PATH", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE",
            "AWS_CONFIG_FILE");

    /** Lambda's key rule, from its ValidationException "[a-zA-Z]([a-zA-Z0-9_])+" [K] serverless-secrets#39. */
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");

    public LambdaEnvironment {
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    /**
     * The environment of the function {@code settings} describes, in an execution environment whose log stream is
     * {@code logStreamName}.
     *
     * @throws HandlerLoadException when the configuration sets a reserved key or a key Lambda does not accept
     */
    public static LambdaEnvironment of(FunctionSettings settings, String logStreamName) {
        return of(settings, logStreamName, System::getenv);
    }

    static LambdaEnvironment of(FunctionSettings settings, String logStreamName, UnaryOperator<String> jvm) {
        checkKeys(settings);
        Map<String, String> variables = new TreeMap<>();
        for (String name : FROM_JVM) {
            String value = jvm.apply(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        variables.put("LANG", "en_US.UTF-8");
        // [D] "TZ – The environment's time zone (:UTC)", unreserved. The JVM's default time zone is global and stays.
        variables.put("TZ", ":UTC");
        variables.putAll(settings.environment()); // unreserved variables such as LANG, TZ and PATH may be overridden
        variables.putAll(standard(settings, logStreamName));
        return new LambdaEnvironment(variables, logStreamName);
    }

    /**
     * Checks the configured keys of a function whose code apigw cannot give its own environment (a handler object,
     * or a handler class on apigw's own classpath), and says once, as a warning, that its configured variables will
     * not reach {@code System.getenv}.
     *
     * @throws HandlerLoadException when the configuration sets a reserved key or a key Lambda does not accept
     */
    public static void checkOutsideFunctionClassLoader(FunctionSettings settings) {
        checkKeys(settings);
        if (!settings.environment().isEmpty()) {
            LOG.warn("function {} has environment variables {} configured, but its code is not loaded from a classpath"
                            + " of its own, so System.getenv there returns the JVM's environment, not these; load it"
                            + " by handler class from its own classpath (--function NAME=pkg.Class::method --classpath"
                            + " DIR) to give it its own environment",
                    settings.name(), settings.environment().keySet());
        }
    }

    /** The value of {@code name}, or null; {@code System.getenv(name)} of the function's code. */
    public String get(String name) {
        return variables.get(name);
    }

    /** The variables Lambda sets for every Java function; they win over anything else. */
    private static Map<String, String> standard(FunctionSettings settings, String logStreamName) {
        Map<String, String> standard = new TreeMap<>();
        if (settings.handler() != null) {
            standard.put("_HANDLER", settings.handler());
        }
        standard.put("AWS_REGION", LocalAccount.REGION);
        standard.put("AWS_DEFAULT_REGION", LocalAccount.REGION);
        // The code runs on this JVM, so the runtime identifier names its version (AWS_Lambda_java17, _java21).
        standard.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        standard.put("AWS_LAMBDA_FUNCTION_NAME", settings.name());
        standard.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memorySizeMb()));
        standard.put("AWS_LAMBDA_FUNCTION_VERSION", LocalLambdaContext.FUNCTION_VERSION);
        standard.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        standard.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.name());
        standard.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        // On Lambda the code is unpacked into /var/task; here it stays where it is, the first classpath entry.
        if (!settings.classpath().isEmpty()) {
            Path taskRoot = settings.classpath().get(0).toAbsolutePath().normalize();
            standard.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        }
        // The runtime's libraries are this JVM's.
        standard.put("LAMBDA_RUNTIME_DIR", System.getProperty("java.home"));
        // AWS_LAMBDA_RUNTIME_API is left out: in-process functions have no Runtime API endpoint to poll, and a
        // library that finds it set would try to act as a custom runtime.
        return standard;
    }

    private static void checkKeys(FunctionSettings settings) {
        List<String> reserved = settings.environment().keySet().stream().filter(RESERVED::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw new HandlerLoadException("function " + settings.name() + " configures the environment variable"
                    + (reserved.size() == 1 ? " " : "s ") + String.join(", ", reserved) + ", which Lambda reserves"
                    + " and rejects (InvalidParameterValueException); rename "
                    + (reserved.size() == 1 ? "it" : "them") + " in --env-vars, --function-env or the project file");
        }
        for (String key : settings.environment().keySet()) {
            if (!KEY.matcher(key).matches()) {
                throw new HandlerLoadException("function " + settings.name() + " configures the environment variable '"
                        + key + "', which Lambda rejects (ValidationException): keys must start with a letter and"
                        + " hold at least two letters, digits or underscores; rename it");
            }
        }
    }
}
