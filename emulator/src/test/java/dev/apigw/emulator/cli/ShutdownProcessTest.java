package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code apigw start} process stopped by SIGTERM ({@link Process#destroy()}), as {@code docker stop}, systemd
 * or Ctrl-C's SIGINT stop it: a request in flight still gets its answer, and the process exits 0.
 */
class ShutdownProcessTest {
    private static final Pattern LISTENING = Pattern.compile("apigw listening on (http://\\S+)");
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: sigterm-test, version: "1"}
            paths:
              /slow:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Slow/invocations
            """;

    @Test
    void sigterm_lets_the_request_in_flight_finish_and_exits_0(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), SPEC);
        Process process = new ProcessBuilder(javaCommand(), "-cp", testClasspath(), Main.class.getName(), "start",
                "--spec", spec.toString(), "--port", "0", "--no-hot-reload", "--shutdown-grace", "20s",
                "--issuer-key", dir.resolve("issuer-key.json").toString(),
                "--function", "Slow=dev.apigw.emulator.handlers.SlowHandler")
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        Output output = new Output(dir.resolve("output.txt"));
        try {
            URI root = URI.create(output.await(LISTENING).group(1));
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(root.resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
            output.await(Pattern.compile("Slow - START RequestId"));

            process.destroy();

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("late");
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();
            assertThat(process.exitValue()).as("exit code; output:%n%s", output.text()).isEqualTo(Main.EXIT_OK);
            output.await(Pattern.compile("apigw stopped"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** target/classes, target/test-classes and the dependencies, as Surefire gives them to the test JVM. */
    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * The process's output, written to a file: reading the pipe instead races with the JDK, which closes it under a
     * reader when the process exits.
     */
    private record Output(Path file) {
        /** The first line that matches, within 60 s (a cold JVM on a busy machine). */
        Matcher await(Pattern pattern) throws IOException, InterruptedException {
            for (int attempt = 0; attempt < 600; attempt++) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no line matching " + pattern + " within 60 s; output:\n" + text());
        }

        String text() throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
