package dev.apigw.emulator.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.handlers.FailingHandler;
import dev.apigw.emulator.handlers.RawEchoHandler;
import dev.apigw.emulator.integration.FunctionLoader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws} CLI ({@code aws lambda invoke --endpoint-url}) against the Invoke API, as users of
 * {@code sam local start-lambda} call it. {@code .ci/run} installs the CLI when it is missing; where it cannot, this
 * test is skipped (the SDK's {@code LambdaClient} covers the same API in {@link InvokeApiTest}).
 */
class AwsCliInvokeTest {
    private static LambdaServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        assumeTrue(onPath("aws"), "the aws CLI is not installed");
        server = LambdaServer.start(Map.of(
                "Echo", new FunctionDefinition.Instance(new RawEchoHandler(), null),
                "Failing", new FunctionDefinition.Instance(new FailingHandler(), null)),
                new FunctionLoader(List.of()), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aws_lambda_invoke_gets_the_payload_and_the_executed_version() throws Exception {
        Path payload = Files.writeString(dir.resolve("payload.json"), "{\"pet\":\"Rex\"}");
        Path out = dir.resolve("out.json");

        String printed = aws("lambda", "invoke", "--function-name", "Echo", "--payload", "fileb://" + payload,
                out.toString());

        assertThat(Files.readString(out)).isEqualTo("{\"pet\":\"Rex\"}");
        assertThat(printed).contains("\"StatusCode\": 200").contains("\"ExecutedVersion\": \"$LATEST\"");
    }

    @Test
    void a_function_error_is_reported_as_unhandled() throws Exception {
        Path out = dir.resolve("out.json");

        String printed = aws("lambda", "invoke", "--function-name", "Failing", out.toString());

        assertThat(printed).contains("\"FunctionError\": \"Unhandled\"");
        assertThat(Files.readString(out)).contains("\"errorMessage\":\"boom\"");
    }

    /** Runs the CLI against the server with throwaway credentials; its standard output, or a failed assertion. */
    private String aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.rootUri().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Version 2 pages its output unless told not to; version 1 has no pager.
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("aws CLI finished within 60 s").isTrue();
        assertThat(process.exitValue()).as("aws CLI exit code; output:\n" + output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
