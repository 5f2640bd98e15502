package dev.apigw.emulator.runtime;

import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.LocalLambdaContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process environment of an execution environment: the function's configured variables, then the variables
 * Lambda defines for every function ("Defined runtime environment variables" [D]), which a function cannot
 * override (Lambda rejects them as reserved keys). Nothing else of apigw's own environment leaks in, except
 * {@code PATH}, so that a {@code bootstrap} script finds the tools it calls.
 */
final class LambdaEnvironmentVariables {
    static final String REGION = "us-east-1";
    static final String FUNCTION_VERSION = "$LATEST";

    private LambdaEnvironmentVariables() {}

    static Map<String, String> of(FunctionSettings settings, String runtime, Path taskRoot, String runtimeApi) {
        String handler = settings.handler() == null ? "" : settings.handler();
        Map<String, String> variables = new LinkedHashMap<>(settings.environment());
        String path = System.getenv("PATH");
        variables.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", ":UTC");
        variables.put("_HANDLER", handler);
        variables.put("AWS_REGION", REGION);
        variables.put("AWS_DEFAULT_REGION", REGION);
        if (runtime.startsWith("java")) {
            // Custom runtimes (provided.*) have no AWS_EXECUTION_ENV [D].
            variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        }
        variables.put("AWS_LAMBDA_FUNCTION_NAME", settings.name());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memorySizeMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", FUNCTION_VERSION);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.name());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalLambdaContext.newLogStreamName());
        variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        variables.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        return variables;
    }
}
