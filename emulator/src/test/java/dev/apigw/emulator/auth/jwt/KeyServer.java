package dev.apigw.emulator.auth.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an identity provider in tests: serves JSON documents (a JWKS, an OIDC discovery document) by path on
 * 127.0.0.1, lets a test swap them (key rotation), and counts the requests for each path (to prove fetching is lazy
 * and cached). Unknown paths are 404. It runs for the life of the test JVM on a daemon thread.
 */
public final class KeyServer {
    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private KeyServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static KeyServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            KeyServer keys = new KeyServer(server);
            server.createContext("/", keys::answer);
            server.start();
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test key server on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash: usable as an issuer. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code json} at {@code path} from now on. */
    public void serve(String path, String json) {
        documents.put(path, json);
    }

    /** How many requests {@code path} has had. */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String document = documents.get(path);
            if (document == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
