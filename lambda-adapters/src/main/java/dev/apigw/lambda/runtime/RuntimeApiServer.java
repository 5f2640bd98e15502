package dev.apigw.lambda.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) of one execution environment over HTTP, on its own loopback port:
 * what {@code AWS_LAMBDA_RUNTIME_API} points the runtime at. The JDK's HTTP server is enough for four routes and
 * keeps the long-polling {@code /next} on its own thread, away from the gateway's server.
 *
 * <p>Routes and headers: "Using the Lambda runtime API for custom runtimes" [D]; status codes and error bodies:
 * RAPID's handlers [K] ({@code 202 {"status":"OK"}} for accepted posts).
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_ANSWER =
            Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");

    private final RuntimeApiState state;
    private final HttpServer server;
    private final ExecutorService threads;

    private RuntimeApiServer(RuntimeApiState state, HttpServer server, ExecutorService threads) {
        this.state = state;
        this.server = server;
        this.threads = threads;
    }

    static RuntimeApiServer start(String functionName, RuntimeApiState state) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "apigw-runtime-api-" + functionName);
                thread.setDaemon(true);
                return thread;
            });
            RuntimeApiServer api = new RuntimeApiServer(state, server, threads);
            server.createContext(PREFIX, api::handle);
            server.setExecutor(threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the Runtime API port for function " + functionName, e);
        }
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(PREFIX + "invocation/next") && method.equals("GET")) {
                next(exchange);
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            Matcher answer = INVOCATION_ANSWER.matcher(path);
            if (answer.matches() && method.equals("POST")) {
                String requestId = answer.group(1);
                reply(exchange, answer.group(2).equals("response")
                        ? state.response(requestId, body)
                        : state.error(requestId, errorType(exchange), body));
            } else if (path.equals(PREFIX + "init/error") && method.equals("POST")) {
                reply(exchange, state.initError(errorType(exchange), body));
            } else {
                reply(exchange, RuntimeApiState.Reply.error(404, "NotFound",
                        method + " " + path + " is not part of the Lambda Runtime API 2018-06-01"));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        RuntimeApiState.Next next;
        try {
            next = state.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, RuntimeApiState.Reply.INTERNAL_ERROR);
            return;
        }
        RuntimeInvocation invocation = next.invocation();
        if (invocation == null) {
            reply(exchange, next.refusal());
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        // Lambda-Runtime-Client-Context and -Cognito-Identity are sent only when set; API Gateway sets neither.
        headers.set("Content-Type", "application/json");
        byte[] payload = invocation.payload();
        exchange.sendResponseHeaders(200, payload.length == 0 ? -1 : payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    private static String errorType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return type == null ? "" : type;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange exchange, RuntimeApiState.Reply reply) throws IOException {
        byte[] json = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        state.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
