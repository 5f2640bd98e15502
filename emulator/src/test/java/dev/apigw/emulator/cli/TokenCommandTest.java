package dev.apigw.emulator.cli;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.apigw.emulator.auth.jwt.LocalIssuer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apigw token}, run in-process with a key file of its own (never the user's ~/.apigw). */
class TokenCommandTest {
    private static final String HTTP_SPEC = "src/test/resources/specs/local-issuer-http.yaml";
    private static final String TWO_SPEC = "src/test/resources/specs/local-issuer-two-authorizers.yaml";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path keyFile() {
        return dir.resolve("issuer-key.json");
    }

    private int token(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "token";
        all[1] = "--issuer-key";
        all[2] = keyFile().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), new CountDownLatch(0), all);
    }

    /** The printed token's payload, after checking it is one line signed by the key file's key. */
    private String printedPayload() throws Exception {
        assertThat(out.toString()).endsWith(System.lineSeparator());
        String token = out.toString().strip();
        assertThat(token).doesNotContain("\n").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        LocalIssuer issuer = LocalIssuer.create(keyFile(), Clock.systemUTC());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.keyId());
        assertThat(jwt.verify(new RSASSAVerifier(issuer.publicKeys().getKeys().get(0).toRSAKey()))).isTrue();
        return jwt.getPayload().toString();
    }

    @Test
    void prints_only_a_token_signed_with_the_key_file_it_creates() throws Exception {
        int code = token("--sub", "alice", "--scope", "read", "--scope", "write", "--aud", "my-client",
                "--expires-in", "15m", "--claim", "tenant=acme");

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(keyFile()).isRegularFile();
        String payload = printedPayload();
        assertThatJson(payload).isObject()
                .containsEntry("sub", "alice")
                .containsEntry("scope", "read write")
                .containsEntry("aud", "my-client")
                .containsEntry("tenant", "acme")
                .containsEntry("iss", "http://127.0.0.1:3000/_apigw/issuer");
        long iat = SignedJWT.parse(out.toString().strip()).getJWTClaimsSet().getIssueTime().getTime() / 1000;
        assertThatJson(payload).node("exp").isEqualTo(iat + 900);
    }

    @Test
    void with_a_spec_issuer_and_audience_come_from_its_jwt_authorizer() throws Exception {
        assertThat(token("--spec", HTTP_SPEC, "--sub", "alice")).isZero();

        assertThatJson(printedPayload()).isObject()
                .containsEntry("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123")
                .containsEntry("aud", "client-1");
    }

    @Test
    void authorizer_and_token_use_pick_the_shape() throws Exception {
        assertThat(token("--spec", TWO_SPEC, "--authorizer", "First", "--token-use", "access",
                "--client-id", "app")).isZero();

        assertThatJson(printedPayload()).isObject()
                .containsEntry("iss", "https://first.example.com")
                .containsEntry("token_use", "access")
                .containsEntry("client_id", "app");
    }

    @Test
    void an_unknown_authorizer_is_one_line_with_the_names_and_exit_1() {
        assertThat(token("--spec", TWO_SPEC, "--authorizer", "Nope")).isEqualTo(Main.EXIT_PROBLEM);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("apigw: the API has no authorizer named Nope;")
                .contains("First, Second").contains("hint: ").doesNotContain("Exception");
    }

    @Test
    void several_authorizers_without_a_choice_ask_for_one() {
        assertThat(token("--spec", TWO_SPEC)).isEqualTo(Main.EXIT_PROBLEM);

        assertThat(err.toString()).contains("ambiguous").contains("hint: pass --authorizer NAME or --issuer URL");
    }

    @Test
    void a_bad_duration_is_a_usage_error_with_a_hint() {
        assertThat(token("--expires-in", "10 minutes")).isEqualTo(Main.EXIT_USAGE);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("--expires-in").contains("e.g. 30s, 15m, 1h or 2d")
                .contains("hint: ");
    }

    @Test
    void a_bad_token_use_is_a_usage_error() {
        assertThat(token("--token-use", "refresh")).isEqualTo(Main.EXIT_USAGE);

        assertThat(err.toString()).contains("write id or access");
    }

    @Test
    void an_invalid_key_file_names_the_file() throws Exception {
        Files.writeString(keyFile(), "{}");

        assertThat(token("--sub", "alice")).isEqualTo(Main.EXIT_PROBLEM);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(keyFile().toString()).contains("delete it to get a new key")
                .doesNotContain("at dev.apigw");
    }

    @Test
    void a_token_from_the_shared_key_file_passes_the_jwt_authorizer_of_apigw_start() throws Exception {
        StringWriter startOut = new StringWriter();
        CountDownLatch listening = new CountDownLatch(1);
        PrintWriter startWriter = new PrintWriter(startOut, true) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.startsWith("apigw listening on ")) {
                    listening.countDown();
                }
            }
        };
        CountDownLatch shutdown = new CountDownLatch(1);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute(startWriter,
                new PrintWriter(err, true), shutdown, "start", "--spec", HTTP_SPEC, "--port", "0",
                "--issuer-key", keyFile().toString(), "--classpath", "target/test-classes",
                "--function", "Echo=dev.apigw.emulator.handlers.EchoHandler"));
        try {
            assertThat(listening.await(60, TimeUnit.SECONDS)).as("started: %s %s", startOut, err).isTrue();
            Matcher root = Pattern.compile("apigw listening on (http://\\S+)").matcher(startOut.toString());
            assertThat(root.find()).isTrue();
            assertThat(startOut.toString()).contains("apigw token issuer " + root.group(1) + "/_apigw/issuer");

            assertThat(token("--spec", HTTP_SPEC, "--sub", "alice", "--scope", "read")).isZero();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(root.group(1) + "/me")).header("Authorization", "Bearer " + out.toString().strip())
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            shutdown.countDown();
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
}
