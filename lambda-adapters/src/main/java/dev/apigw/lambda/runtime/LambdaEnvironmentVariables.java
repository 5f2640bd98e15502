package dev.apigw.lambda.runtime;

import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.LambdaEnvironment;
import dev.apigw.lambda.java.LocalLambdaContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process environment of an execution environment: the same variables an in-process function sees (one place
 * for Lambda's environment rules), with the child's own Runtime API address and task root. Nothing else of apigw's
 * environment leaks in but {@code PATH} (so a {@code bootstrap} script finds the tools it calls) and the AWS
 * credential variables that stand in for the execution role.
 */
final class LambdaEnvironmentVariables {
    private LambdaEnvironmentVariables() {}

    /**
     * The in-process rules ({@link LambdaEnvironment}: the configured variables over LANG/TZ/PATH and the host's
     * credentials, Lambda's own variables over everything, reserved keys refused), then what differs for a child:
     * the Runtime API's address, the task root, and no {@code AWS_EXECUTION_ENV} for custom runtimes [D].
     *
     * @throws dev.apigw.lambda.HandlerLoadException when the configuration sets a reserved key
     */
    static Map<String, String> of(FunctionSettings settings, String runtime, Path taskRoot, String runtimeApi) {
        Map<String, String> variables = new LinkedHashMap<>(
                LambdaEnvironment.of(settings, LocalLambdaContext.newLogStreamName()).variables());
        if (!variables.containsKey("PATH")) {
            variables.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        }
        if (runtime.startsWith("java")) {
            variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        } else {
            variables.remove("AWS_EXECUTION_ENV");
        }
        variables.remove("LAMBDA_RUNTIME_DIR");
        variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        variables.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        return variables;
    }
}
