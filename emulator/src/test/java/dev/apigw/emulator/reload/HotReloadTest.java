package dev.apigw.emulator.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload through the running server: handler classes compiled here, recompiled while apigw serves them. */
class HotReloadTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String SPEC = """
            openapi: 3.0.1
            info: {title: hot-reload, version: "1"}
            paths:
              /hello:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Hello/invocations
            """;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    /** Where the first code's class loader is noted, weakly, so a test can see whether it is still reachable. */
    private final String firstLoaderKey = "apigw.test.hot-reload.first-loader." + UUID.randomUUID();
    private Path classes;
    private GatewayServer server;

    @BeforeEach
    void start() throws IOException {
        classes = Files.createDirectories(dir.resolve("classes"));
        HandlerSources.compile(classes, Map.of("reload.Hello", helloNotingItsLoader("v1", firstLoaderKey)));
        Path spec = Files.writeString(dir.resolve("openapi.yaml"), SPEC);
        server = GatewayServer.start(GatewayConfig.builder().spec(spec).apiType(ApiType.HTTP).port(0)
                .classpath(classes).function("Hello", FunctionDefinition.HandlerClass.of("reload.Hello"))
                .functionEnvironment("Hello", "TABLE", "pets").hotReload(true).build());
    }

    @AfterEach
    void forgetTheLoader() {
        System.getProperties().remove(firstLoaderKey);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void next_request_after_a_recompile_runs_the_new_code() throws Exception {
        assertThat(hello().body()).isEqualTo("v1");

        HandlerSources.compile(classes, Map.of("reload.Hello", HandlerSources.hello("v2")));

        assertThat(awaitBody("v2")).isEqualTo("v2");
    }

    @Test
    void reloaded_code_sees_the_functions_environment_variables() throws Exception {
        String environmentHello = """
                package reload;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;

                public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    @Override
                    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                        return Map.of("statusCode", 200, "body",
                                "v2 " + System.getenv("TABLE") + " " + System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
                    }
                }
                """;

        HandlerSources.compile(classes, Map.of("reload.Hello", environmentHello));

        assertThat(awaitBody("v2 pets Hello")).isEqualTo("v2 pets Hello");
    }

    @Test
    void the_first_code_is_released_once_reloaded_code_serves() throws Exception {
        assertThat(hello().body()).isEqualTo("v1");
        @SuppressWarnings("unchecked")
        WeakReference<ClassLoader> firstLoader = (WeakReference<ClassLoader>) System.getProperties().get(firstLoaderKey);
        assertThat(firstLoader.get()).isNotNull();

        HandlerSources.compile(classes, Map.of("reload.Hello", HandlerSources.hello("v2")));
        assertThat(awaitBody("v2")).isEqualTo("v2");

        // Its class loader, classes and static state are garbage once nothing runs the old code; bounded wait.
        for (int attempt = 0; attempt < 100 && firstLoader.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(firstLoader.get()).as("the class loader of the replaced code").isNull();
    }

    @Test
    void no_request_fails_while_the_code_is_reloaded_under_load() throws Exception {
        int threads = 4;
        int maxPerThread = 2500;
        CountDownLatch warmedUp = new CountDownLatch(200);
        AtomicInteger newCodeAnswers = new AtomicInteger();
        Set<String> answers = ConcurrentHashMap.newKeySet();
        List<String> failures = new ArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sent.add(load.submit(() -> {
                // Until every thread has seen the new code a few times, so the load spans the reload; bounded.
                int count = 0;
                while (count < maxPerThread && newCodeAnswers.get() < 200) {
                    HttpResponse<String> response = hello();
                    count++;
                    warmedUp.countDown();
                    answers.add(response.body());
                    if (response.statusCode() != 200 || !Set.of("v1", "v2").contains(response.body())) {
                        synchronized (failures) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } else if (response.body().equals("v2")) {
                        newCodeAnswers.incrementAndGet();
                    }
                }
                return count;
            }));
        }
        assertThat(warmedUp.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        HandlerSources.compile(classes, Map.of("reload.Hello", HandlerSources.hello("v2")));

        int total = 0;
        for (Future<Integer> count : sent) {
            total += count.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        load.shutdown();
        assertThat(failures).isEmpty();
        assertThat(answers).containsExactlyInAnyOrder("v1", "v2");
        assertThat(total).isLessThanOrEqualTo(threads * maxPerThread);
    }

    @Test
    void a_recompile_that_left_out_a_class_keeps_the_old_code_until_the_next_change() throws Exception {
        Path attempted = dir.resolve("broken-handler-initialized");
        // The broken handler's initializer notes that apigw tried it, then needs a class the compile left out.
        String broken = """
                package reload;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Map;

                public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    static final String GREETING;

                    static {
                        try {
                            Files.writeString(Path.of("%s"), "tried");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        GREETING = Greeting.text();
                    }

                    @Override
                    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                        return Map.of("statusCode", 200, "body", GREETING);
                    }
                }
                """.formatted(attempted.toString().replace("\\", "\\\\"));
        String greeting = "package reload; public class Greeting { public static String text() { return \"v2\"; } }";
        Path staging = Files.createDirectories(dir.resolve("staging"));
        HandlerSources.compile(staging, Map.of("reload.Hello", broken, "reload.Greeting", greeting));

        Files.copy(staging.resolve("reload/Hello.class"), classes.resolve("reload/Hello.class"),
                StandardCopyOption.REPLACE_EXISTING);

        awaitFile(attempted);
        assertThat(hello().body()).isEqualTo("v1");

        HandlerSources.compile(classes, Map.of("reload.Hello", HandlerSources.hello("v3")));

        assertThat(awaitBody("v3")).isEqualTo("v3");
    }

    /** {@link HandlerSources#hello}, whose class initializer notes its class loader, weakly, under {@code key}. */
    private static String helloNotingItsLoader(String body, String key) {
        return HandlerSources.hello(body).replace("public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {", """
                public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    static {
                        System.getProperties().put("%s", new java.lang.ref.WeakReference<>(Hello.class.getClassLoader()));
                    }
                """.formatted(key));
    }

    private HttpResponse<String> hello() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri("/hello")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the endpoint answers {@code expected}, or the deadline passes; returns the last answer. */
    private String awaitBody(String expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String body = hello().body();
        while (!body.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            body = hello().body();
        }
        return body;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }
}
