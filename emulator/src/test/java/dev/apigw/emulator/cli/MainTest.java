package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, output and one-line errors (never a stack trace). */
class MainTest {
    private static final String REST_SPEC = "src/test/resources/specs/rest-api.yaml";
    private static final String BROKEN_SPEC = "src/test/resources/specs/broken.yaml";
    private static final String TEST_CLASSES = "target/test-classes";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Where started gateways keep the local issuer's key: never the user's real ~/.apigw. */
    @TempDir
    static Path issuerKeyDir;

    private int run(String... args) {
        String[] withKey = args.length > 0 && args[0].equals("start")
                ? concat(args, new String[] {"--issuer-key", issuerKeyDir.resolve("issuer-key.json").toString()})
                : args;
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), new CountDownLatch(0), withKey);
    }

    private static String[] functions() {
        return new String[] {"--classpath", TEST_CLASSES,
            "--function", "Echo=dev.apigw.emulator.handlers.EchoHandler",
            "--function", "Result=dev.apigw.emulator.handlers.ResultHandler::handleRequest",
            "--function", "Slow=dev.apigw.emulator.handlers.SlowHandler"};
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Nested
    class Validate {
        @Test
        void valid_spec_exits_0() {
            assertThat(run("validate", "--spec", REST_SPEC)).isEqualTo(0);
            assertThat(out.toString()).contains("0 error(s)");
        }

        @Test
        void a_template_that_does_not_parse_is_an_error_with_its_location() {
            assertThat(run("validate", "--spec", "src/test/resources/specs/broken-template.yaml")).isEqualTo(1);
            assertThat(out.toString())
                    .contains("paths./pets.get.x-amazon-apigateway-integration.requestTemplates.application/json")
                    .contains("line 2").contains("1 error(s)");
        }

        @Test
        void broken_spec_exits_1_and_lists_every_problem_with_its_location() {
            assertThat(run("validate", "--spec", BROKEN_SPEC)).isEqualTo(1);
            assertThat(out.toString())
                    .contains("paths./pets.get.x-amazon-apigateway-integration.type")
                    .contains("lambda_magic")
                    .contains("/pets/{id")
                    .doesNotContain("Exception");
        }

        @Test
        void a_response_header_the_method_does_not_declare_is_an_error() {
            assertThat(run("validate", "--spec", "src/test/resources/specs/undeclared-header.yaml")).isEqualTo(1);
            assertThat(out.toString()).contains("method.response.header.X-Undeclared")
                    .contains("Invalid mapping expression").contains("responses.200.headers");
        }

        @Test
        void missing_file_is_one_clear_line() {
            assertThat(run("validate", "--spec", "no/such/file.yaml")).isEqualTo(1);
            assertThat(out.toString() + err).contains("no/such/file.yaml").doesNotContain("\tat ");
        }
    }

    @Test
    void routes_prints_method_url_kind_and_target() {
        assertThat(run("routes", "--spec", REST_SPEC)).isEqualTo(0);
        assertThat(out.toString())
                .containsPattern("GET\\s+/dev/items/\\{id}\\s+AWS_PROXY\\s+Echo")
                .containsPattern("ANY\\s+/dev/backend/\\{proxy\\+}\\s+HTTP_PROXY")
                .containsPattern("GET\\s+/dev/teapot\\s+MOCK\\s+mock");
    }

    @Test
    void repeated_stage_flags_serve_each_stage_under_its_segment() {
        assertThat(run(concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0", "--stage", "dev",
            "--stage", "prod", "--stage-variable", "prod:table=pets"}, functions()))).isEqualTo(0);
        assertThat(out.toString()).contains("/dev/").contains("/prod/");
    }

    @Test
    void a_stage_variable_for_a_stage_not_served_is_a_usage_error() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "0", "--stage", "dev", "--stage", "prod",
                "--stage-variable", "beta:table=pets")).isEqualTo(2);
        assertThat(err.toString()).contains("the stage 'beta' is not served").contains("--stage beta");
    }

    @Test
    void a_canary_on_the_single_stage_starts() {
        assertThat(run(concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0", "--canary", "10",
            "--canary-variable", "table=v2", "--canary-seed", "1"}, functions()))).isEqualTo(0);
    }

    @Test
    void a_canary_percentage_that_is_no_number_is_a_usage_error() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "0", "--canary", "ten")).isEqualTo(2);
        assertThat(err.toString()).contains("--canary ten").contains("is not a percentage");
    }

    @Test
    void a_canary_variable_without_its_canary_is_a_usage_error() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "0", "--stage", "dev", "--stage", "prod",
                "--canary-variable", "prod:table=v2")).isEqualTo(2);
        assertThat(err.toString()).contains("the stage 'prod' has no canary").contains("--canary prod:PERCENT");
    }

    @Test
    void port_out_of_range_is_a_usage_error_with_exit_2() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
    }

    @Test
    void an_invalid_size_flag_is_a_usage_error_naming_the_flag() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "0", "--max-payload", "10 parsecs")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-payload").contains("is not a size");
    }

    @Test
    void a_shutdown_grace_without_a_unit_is_a_usage_error_naming_the_form() {
        assertThat(run("start", "--spec", REST_SPEC, "--shutdown-grace", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--shutdown-grace: '10' is not a duration").contains("10s or 500ms");
    }

    @Test
    void no_admin_and_an_admin_port_together_are_a_usage_error() {
        assertThat(run("start", "--spec", REST_SPEC, "--no-admin", "--admin-port", "9000")).isEqualTo(2);
        assertThat(err.toString()).contains("--no-admin and --admin-port contradict each other");
    }

    @Nested
    class ProjectFileErrors {
        @TempDir
        Path dir;

        private int runWith(String projectFile) throws Exception {
            Path file = dir.resolve("apigw.yaml");
            Files.writeString(file, projectFile);
            return run("start", "--config", file.toString(), "--port", "0");
        }

        @Test
        void an_invalid_value_names_the_file_without_a_stack_trace() throws Exception {
            assertThat(runWith("spec: x.yaml\nthrottle: \"abc\"\n")).isEqualTo(1);
            assertThat(err.toString()).contains("apigw.yaml: throttle 'abc' must be RATE:BURST")
                    .doesNotContain("Exception");
        }

        @Test
        void an_invalid_account_throttle_names_the_file_and_the_form() throws Exception {
            assertThat(runWith("spec: x.yaml\naccountThrottle: \"10000\"\n")).isEqualTo(1);
            assertThat(err.toString()).contains("apigw.yaml: throttle '10000' must be RATE:BURST")
                    .doesNotContain("Exception");
        }

        @Test
        void an_invalid_limit_names_the_file_and_the_forms_accepted() throws Exception {
            assertThat(runWith("spec: x.yaml\nlimits: {payload: lots}\n")).isEqualTo(1);
            assertThat(err.toString()).contains("apigw.yaml: 'lots' is not a size; write bytes (10485760) or a number"
                    + " with KB, MB or GB (512KB, 6MB)").doesNotContain("Exception");
        }

        @Test
        void an_invalid_shutdown_grace_names_the_file_and_the_form() throws Exception {
            assertThat(runWith("spec: x.yaml\nshutdownGrace: soon\n")).isEqualTo(1);
            assertThat(err.toString()).contains("apigw.yaml").contains("'soon' is not a duration")
                    .doesNotContain("Exception");
        }

        @Test
        void an_invalid_minimum_compression_size_names_the_file_and_the_forms() throws Exception {
            assertThat(runWith("spec: x.yaml\nminimumCompressionSize: 20000000\n")).isEqualTo(1);
            assertThat(err.toString()).contains("apigw.yaml").contains("the minimum compression size must be 0 to"
                    + " 10485760 bytes (or off), was 20000000").doesNotContain("Exception");
        }

        @Test
        void a_stage_cache_ttl_over_aws_maximum_names_the_file_and_the_range() throws Exception {
            assertThat(runWith("spec: x.yaml\ncache: {ttl: 5000}\n")).isEqualTo(1);
            assertThat(err.toString()).contains("apigw.yaml: the stage cache TTL must be 0 (off) to 3600 seconds,"
                    + " was 5000").doesNotContain("Exception");
        }

        @Test
        void an_unknown_cache_strategy_lists_aws_names() throws Exception {
            assertThat(runWith("spec: x.yaml\ncache: {unauthorizedStrategy: ignore}\n")).isEqualTo(1);
            assertThat(err.toString()).contains("'ignore' must be one of [FAIL_WITH_403,")
                    .doesNotContain("Exception");
        }

        @Test
        void admin_off_and_an_admin_port_together_are_refused() throws Exception {
            assertThat(runWith("spec: x.yaml\nadmin: false\nadminPort: 9000\n")).isEqualTo(1);
            assertThat(err.toString()).contains("both admin: false and adminPort").doesNotContain("Exception");
        }

        @Test
        void empty_function_entry_names_the_setting() throws Exception {
            assertThat(runWith("spec: x.yaml\nfunctions:\n  GetPet:\n")).isEqualTo(1);
            assertThat(err.toString()).contains("setting 'functions.GetPet' is empty").doesNotContain("bug");
        }

        @Test
        void unknown_setting_lists_the_known_ones() throws Exception {
            assertThat(runWith("spec: x.yaml\nstagez: dev\n")).isEqualTo(1);
            assertThat(err.toString()).contains("unknown setting 'stagez'").contains("stages");
        }

        @Test
        void empty_file_means_no_settings() throws Exception {
            assertThat(runWith("")).isEqualTo(1);
            assertThat(err.toString()).contains("no API definition given").contains("--spec FILE");
        }

        @Test
        void relative_paths_resolve_against_the_file() throws Exception {
            Files.copy(Path.of(REST_SPEC).toAbsolutePath(), dir.resolve("api.yaml"));
            assertThat(run("routes", "--config", writeProject("spec: api.yaml\nstage: beta\n").toString()))
                    .isEqualTo(0);
            assertThat(out.toString()).contains("/beta/echo");
        }

        private Path writeProject(String text) throws Exception {
            Path file = dir.resolve("apigw.yaml");
            Files.writeString(file, text);
            return file;
        }
    }

    @Test
    void a_cache_ttl_flag_over_aws_maximum_is_a_usage_error() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "0", "--cache-ttl", "4000")).isEqualTo(2);
        assertThat(err.toString()).contains("--cache-ttl: the stage cache TTL must be 0 (off) to 3600 seconds, was 4000");
    }

    @Test
    void a_method_cache_flag_needs_a_number_of_seconds() {
        assertThat(run("start", "--spec", REST_SPEC, "--port", "0", "--method-cache", "/pets/GET=soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--method-cache /pets/GET");
    }

    @Test
    void unknown_option_is_a_usage_error_with_exit_2() {
        assertThat(run("start", "--nope")).isEqualTo(2);
        assertThat(err.toString()).contains("--nope").contains("--help");
    }

    @Nested
    class Start {
        @Test
        void missing_function_names_the_function_and_the_fix() {
            assertThat(run("start", "--spec", REST_SPEC, "--port", "0")).isEqualTo(1);
            assertThat(err.toString()).contains("no function Echo is registered").contains("--function Echo=")
                    .doesNotContain("\tat ");
        }

        @Test
        void handler_class_that_does_not_exist_is_reported_in_one_line() {
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0"}, functions());
            args = concat(args, "--function", "Echo=com.example.Missing");
            assertThat(run(args)).isEqualTo(1);
            assertThat(err.toString()).contains("com.example.Missing").doesNotContain("\tat ");
        }

        @Test
        void invalid_spec_exits_1_without_a_stack_trace() {
            assertThat(run("start", "--spec", BROKEN_SPEC, "--port", "0")).isEqualTo(1);
            assertThat(err.toString()).contains("lambda_magic").contains("apigw validate").doesNotContain("\tat ");
        }

        @Test
        void port_in_use_says_how_to_pick_another() throws Exception {
            try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port",
                    String.valueOf(taken.getLocalPort())}, functions());
                assertThat(run(args)).isEqualTo(1);
                assertThat(err.toString()).contains("is in use").contains("--port 0");
            }
        }

        @Test
        void a_spec_problem_is_reported_before_a_busy_port() throws Exception {
            // The server starts listening while the spec is imported; the spec's problem still comes first.
            try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(run("start", "--spec", BROKEN_SPEC, "--port", String.valueOf(taken.getLocalPort())))
                        .isEqualTo(1);
                assertThat(err.toString()).contains("lambda_magic").doesNotContain("in use");
            }
        }

        @Test
        void a_host_that_cannot_be_bound_is_not_reported_as_a_busy_port() {
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--host", "192.0.2.1", "--port", "0"},
                    functions());
            assertThat(run(args)).isEqualTo(1);
            assertThat(err.toString()).contains("could not start the server on 192.0.2.1").doesNotContain("in use");
        }

        @Test
        void serves_until_shutdown_and_prints_route_urls() throws Exception {
            CountDownLatch shutdown = new CountDownLatch(1);
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0",
                "--stage-variable", "backend=http://127.0.0.1:9",
                "--issuer-key", issuerKeyDir.resolve("issuer-key.json").toString()}, functions());
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), shutdown, args));
            String root = awaitListening();

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(root + "/_apigw/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> echo = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(root + "/dev/echo")).build(), HttpResponse.BodyHandlers.ofString());
            shutdown.countDown();

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(echo.statusCode()).isEqualTo(200);
            assertThat(out.toString()).contains(root + "/dev/items/{id}").contains("apigw listening on " + root)
                    .contains("apigw dashboard " + root + "/_apigw/");
        }

        @Test
        void the_account_throttle_can_be_lowered_or_raised_and_covers_every_route() throws Exception {
            CountDownLatch shutdown = new CountDownLatch(1);
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0",
                "--stage-variable", "backend=http://127.0.0.1:9", "--account-throttle", "0.001:2",
                "--issuer-key", issuerKeyDir.resolve("issuer-key.json").toString()}, functions());
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), shutdown, args));
            String root = awaitListening();
            HttpClient client = HttpClient.newHttpClient();
            List<Integer> statuses = new ArrayList<>();
            for (String path : List.of("/dev/echo", "/dev/items/1", "/dev/echo")) {
                statuses.add(client.send(HttpRequest.newBuilder(URI.create(root + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            shutdown.countDown();

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
            assertThat(statuses).containsExactly(200, 200, 429);
        }

        @Test
        void an_invalid_account_throttle_flag_is_a_usage_error_naming_the_flag() {
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0",
                "--account-throttle", "fast"}, functions());
            assertThat(run(args)).isEqualTo(2);
            assertThat(err.toString()).contains("--account-throttle").contains("RATE:BURST").doesNotContain("\tat ");
        }

        @Test
        void the_minimum_compression_size_flag_compresses_responses_for_clients_that_accept_it() throws Exception {
            CountDownLatch shutdown = new CountDownLatch(1);
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0",
                "--stage-variable", "backend=http://127.0.0.1:9", "--minimum-compression-size", "0",
                "--issuer-key", issuerKeyDir.resolve("issuer-key.json").toString()}, functions());
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), shutdown, args));
            String root = awaitListening();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(URI.create(root + "/dev/echo"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(URI.create(root + "/dev/echo")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            shutdown.countDown();

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            // The echo function answers with its event, which differs per request (ids, headers).
            assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"resource\":\"/echo\"")
                    .contains("\"Accept-Encoding\":\"gzip\"");
            assertThat(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("{\"resource\":\"/echo\"");
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        }

        @Test
        void an_invalid_minimum_compression_size_flag_is_a_usage_error_naming_the_flag() {
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0",
                "--minimum-compression-size", "big"}, functions());
            assertThat(run(args)).isEqualTo(2);
            assertThat(err.toString()).contains("--minimum-compression-size").contains("or off")
                    .doesNotContain("\tat ");
        }

        @Test
        void a_malformed_admin_prefix_is_one_line_naming_the_expected_form() {
            String[] args = concat(new String[] {"start", "--spec", REST_SPEC, "--port", "0", "--admin-prefix",
                "_local/"}, functions());
            assertThat(run(args)).isEqualTo(1);
            assertThat(err.toString()).contains("the admin prefix must be a path such as /_apigw")
                    .contains("_local/").doesNotContain("\tat ");
        }

        @Test
        void a_route_under_the_reserved_prefix_names_the_option_that_moves_it() throws Exception {
            Path spec = issuerKeyDir.resolve("reserved.yaml");
            Files.writeString(spec, """
                    openapi: 3.0.1
                    info: {title: reserved, version: "1"}
                    paths:
                      /_apigw/status:
                        get:
                          x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "http://127.0.0.1:9/", payloadFormatVersion: "1.0"}
                    """);
            assertThat(run("start", "--spec", spec.toString(), "--api-type", "http", "--port", "0")).isEqualTo(1);
            assertThat(err.toString()).contains("GET /_apigw/status").contains("reserved prefix /_apigw")
                    .contains("--admin-prefix").doesNotContain("\tat ");
        }

        private String awaitListening() throws InterruptedException {
            Pattern listening = Pattern.compile("apigw listening on (http://\\S+)");
            for (int i = 0; i < 200; i++) {
                Matcher m = listening.matcher(out.toString());
                if (m.find()) {
                    return m.group(1);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("gateway did not start: " + out + err);
        }
    }
}
