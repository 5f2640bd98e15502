package dev.apigw.emulator.cli;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import dev.apigw.emulator.EnvVarsFile;
import dev.apigw.emulator.FunctionConfigFile;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.lambda.remote.RemoteLambda;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The function flags {@code apigw start} and {@code apigw start-lambda} share: handlers, code, environments, settings. */
final class FunctionOptions {

    @Option(names = "--function", paramLabel = "NAME=HANDLER",
            description = "repeatable; HANDLER is pkg.Class::method or pkg.Class")
    Map<String, String> functions = new LinkedHashMap<>();

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "repeatable; directories or jars; also accepts a path-separator list")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--runtime", paramLabel = "java17|java21|provided",
            description = "run the --function handlers out of process through the Lambda Runtime API")
    @Nullable String runtime;

    @Option(names = "--code", paramLabel = "PATH", description = "with --runtime: the functions' jar or directory")
    @Nullable Path code;

    @Option(names = "--env-vars", paramLabel = "FILE",
            description = "SAM's env-vars JSON: {\"Parameters\": {...}, \"FunctionName\": {...}}")
    @Nullable Path envVars;

    @Option(names = "--function-env", paramLabel = "NAME.KEY=VALUE", description = "repeatable; one function's variable")
    Map<String, String> functionEnv = new LinkedHashMap<>();

    @Option(names = "--function-config", paramLabel = "FILE",
            description = "per-function timeout, memorySize, reservedConcurrency (YAML or JSON)")
    @Nullable Path functionConfig;

    @Option(names = "--remote-function", paramLabel = "NAME[=ARN]",
            description = "repeatable; invoke NAME through the Lambda Invoke API (--lambda-endpoint)")
    List<String> remoteFunctions = new ArrayList<>();

    @Option(names = "--lambda-endpoint", paramLabel = "URL",
            description = "where remote functions are invoked: LocalStack, another apigw; default AWS")
    @Nullable URI lambdaEndpoint;

    @Option(names = "--lambda-region", paramLabel = "REGION", description = "default us-east-1")
    @Nullable String lambdaRegion;

    @Option(names = "--lambda-credentials", paramLabel = "ACCESS_KEY:SECRET",
            description = "default: the AWS SDK's default credentials chain")
    @Nullable String lambdaCredentials;

    /** The functions named with {@code --function} and {@code --remote-function}. */
    List<String> names() {
        List<String> names = new ArrayList<>(functions.keySet());
        remoteFunctions.forEach(remote -> names.add(remote.contains("=") ? remote.substring(0, remote.indexOf('='))
                : remote));
        return names;
    }

    /** Applies the flags to {@code builder}; a value that does not parse is picocli's usage error naming the flag. */
    void applyTo(GatewayConfig.Builder builder, CommandSpec spec) {
        if (runtime != null && code == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--runtime needs --code PATH: the jar or directory with the functions' code");
        }
        functions.forEach((name, handler) -> builder.function(name, runtime == null
                ? FunctionDefinition.HandlerClass.of(handler)
                : parse(spec, "--runtime", () -> new FunctionDefinition.OutOfProcess(handler, runtime, code, null,
                        null))));
        for (String entry : classpath) {
            for (String part : entry.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    builder.classpath(Path.of(part));
                }
            }
        }
        if (envVars != null) {
            parse(spec, "--env-vars", () -> {
                EnvVarsFile.applyTo(envVars, builder);
                return envVars;
            });
        }
        functionEnv.forEach((nameAndKey, value) -> {
            int dot = nameAndKey.indexOf('.');
            if (dot <= 0 || dot == nameAndKey.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--function-env " + nameAndKey
                        + ": expected NAME.KEY=VALUE, e.g. --function-env GetPet.TABLE=pets");
            }
            builder.functionEnvironment(nameAndKey.substring(0, dot), nameAndKey.substring(dot + 1), value);
        });
        if (functionConfig != null) {
            parse(spec, "--function-config", () -> FunctionConfigFile.read(functionConfig))
                    .forEach(builder::functionConfig);
        }
        for (String remote : remoteFunctions) {
            int equals = remote.indexOf('=');
            String name = equals < 0 ? remote : remote.substring(0, equals);
            builder.function(name, new FunctionDefinition.Remote(equals < 0 ? name : remote.substring(equals + 1)));
        }
        if (lambdaEndpoint != null || lambdaRegion != null || lambdaCredentials != null) {
            builder.remoteLambda(parse(spec, "--lambda-credentials",
                    () -> RemoteLambda.of(lambdaEndpoint, lambdaRegion, lambdaCredentials)));
        }
    }

    /** A flag's value, or picocli's usage error naming the flag. */
    static <T> T parse(CommandSpec spec, String flag, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + ": " + e.getMessage());
        }
    }

    /** {@code --port}, checked: picocli's usage error outside 0..65535. */
    static int port(CommandSpec spec, int port) {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, was " + port);
        }
        return port;
    }
}
