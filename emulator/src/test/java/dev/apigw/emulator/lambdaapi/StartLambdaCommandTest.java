package dev.apigw.emulator.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** {@code apigw start-lambda} as a user runs it, invoked with the AWS SDK v2. */
class StartLambdaCommandTest {
    private static final Pattern LISTENING = Pattern.compile("apigw start-lambda listening on (\\S+)");

    @Test
    void serves_the_functions_given_on_the_command_line_until_shut_down() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CountDownLatch shutdown = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute(new PrintWriter(out, true),
                new PrintWriter(err, true), shutdown, "start-lambda", "--port", "0",
                "--function", "Echo=dev.apigw.emulator.handlers.RawEchoHandler"));
        try {
            URI endpoint = awaitListening(out, exit);
            try (LambdaClient lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                InvokeResponse response = lambda.invoke(r -> r.functionName("Echo")
                        .payload(SdkBytes.fromUtf8String("{\"hi\":\"there\"}")));
                assertThat(response.payload().asUtf8String()).isEqualTo("{\"hi\":\"there\"}");
            }
            assertThat(out.toString()).contains("POST " + endpoint + "/2015-03-31/functions/Echo/invocations");
        } finally {
            shutdown.countDown();
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(Main.EXIT_OK);
    }

    @Test
    void a_handler_that_does_not_exist_stops_it_with_the_reason() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                new CountDownLatch(1), "start-lambda", "--port", "0", "--function", "Nope=com.example.Missing");

        assertThat(code).isEqualTo(Main.EXIT_PROBLEM);
        assertThat(err.toString()).startsWith("apigw: ").contains("com.example.Missing");
    }

    /** Polls the command's output, bounded, until it prints its address (or ends). */
    private static URI awaitListening(StringWriter out, CompletableFuture<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !exit.isDone()) {
            Matcher matcher = LISTENING.matcher(out.toString());
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            // A pause, not a spin: on two cores a spinning test would slow the server it waits for.
            Thread.sleep(20);
        }
        throw new AssertionError("start-lambda did not start: exit " + (exit.isDone() ? exit.get() : "none")
                + ", output: " + out);
    }
}
