package dev.apigw.emulator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.model.ApiType;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command shares: the spec, the API type and the project file. */
final class SpecOptions {
    @Option(names = "--spec", paramLabel = "FILE", description = "OpenAPI 3.x or Swagger 2.0, YAML or JSON")
    @Nullable Path spec;

    @Option(names = "--api-type", paramLabel = "rest|http|websocket", converter = ApiTypeConverter.class,
            description = "REST or HTTP API; default: decided by the document (see the README)")
    @Nullable ApiType apiType;

    @Option(names = "--config", paramLabel = "FILE",
            description = "project file (YAML); default: ./apigw.yaml when it exists")
    @Nullable Path config;

    /** A builder with the project file applied (if any) and then these flags. */
    GatewayConfig.Builder toBuilder() {
        return toBuilder(GatewayConfig.builder());
    }

    /** {@code builder} (a command's own defaults) with the project file applied (if any) and then these flags. */
    GatewayConfig.Builder toBuilder(GatewayConfig.Builder builder) {
        Path projectFile = projectFile();
        if (projectFile != null) {
            Path baseDir = projectFile.toAbsolutePath().getParent();
            try {
                ProjectFile.read(projectFile).applyTo(builder, baseDir);
            } catch (IllegalArgumentException e) {
                throw new CliException(projectFile + ": " + e.getMessage(), "fix the setting as the README's"
                        + " project file section shows");
            }
        }
        if (spec != null) {
            builder.spec(spec);
        }
        if (apiType != null) {
            builder.apiType(apiType);
        }
        return builder;
    }

    GatewayConfig build(GatewayConfig.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalStateException e) {
            throw new CliException("no API definition given", "pass --spec FILE, or put 'spec: FILE' in apigw.yaml");
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), "fix the flag or the apigw.yaml setting; apigw --help lists them");
        }
    }

    private @Nullable Path projectFile() {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new CliException("project file " + config + " does not exist", "check the --config path");
            }
            return config;
        }
        Path defaultFile = Path.of(ProjectFile.DEFAULT_NAME);
        return Files.isRegularFile(defaultFile) ? defaultFile : null;
    }

    static final class ApiTypeConverter implements picocli.CommandLine.ITypeConverter<ApiType> {
        @Override
        public ApiType convert(String value) {
            return ApiType.fromSpec(value);
        }
    }
}
