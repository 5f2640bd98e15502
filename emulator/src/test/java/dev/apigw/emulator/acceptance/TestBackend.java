package dev.apigw.emulator.acceptance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;

/** A plain HTTP backend on 127.0.0.1 that records what it receives and answers 207 with a marker header. */
final class TestBackend implements AutoCloseable {
    record Received(String method, String uri, String header, String body) {}

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** Each request's {@code X-Amzn-Trace-Id} header (null when absent), in the order received. */
    final List<String> traceIds = new CopyOnWriteArrayList<>();

    TestBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            traceIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("X-Test"), body));
            byte[] answer = ("backend saw " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend", "yes");
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().contains("/missing") ? 404 : 207,
                    answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static TestBackend start() {
        try {
            return new TestBackend();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test backend", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
