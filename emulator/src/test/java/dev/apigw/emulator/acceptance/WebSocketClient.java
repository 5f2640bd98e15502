package dev.apigw.emulator.acceptance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that collects the text frames and the close code it receives. */
final class WebSocketClient implements WebSocket.Listener, AutoCloseable {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WebSocketClient connect(URI uri) throws Exception {
        return connect(uri, Map.of());
    }

    /** Connects with extra handshake headers, e.g. the {@code Authorization} a {@code $connect} authorizer reads. */
    static WebSocketClient connect(URI uri, Map<String, String> headers) throws Exception {
        WebSocketClient client = new WebSocketClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** One text message sent as several frames, one per part. */
    void sendFragmented(String... parts) throws Exception {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).get(10, TimeUnit.SECONDS);
        }
    }

    void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);
    }

    String nextFrame() throws InterruptedException {
        String frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame received within 10 s");
        }
        return frame;
    }

    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
