package dev.apigw.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@code benchmarks/ws-load.sh}: opens N WebSocket connections to a gateway on loopback and holds
 * them (the script then measures the gateway's heap), then measures round trips per second through the
 * {@code $default} route on a few of them. Every loop is bounded.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.apigw.benchmarks.WebSocketLoadClient ws://127.0.0.1:3003/dev 10000 50 20000}
 */
public final class WebSocketLoadClient {
    private WebSocketLoadClient() {}

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        int senders = Integer.parseInt(args[2]);
        int messages = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newHttpClient();
        List<WebSocket> open = new ArrayList<>(connections);
        AtomicInteger replies = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(messages);
        long start = System.nanoTime();
        for (int batch = 0; batch < connections; batch += 200) {
            List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
            for (int i = batch; i < Math.min(connections, batch + 200); i++) {
                pending.add(client.newWebSocketBuilder().buildAsync(uri, new Counting(replies, done)));
            }
            for (CompletableFuture<WebSocket> socket : pending) {
                open.add(socket.get(30, TimeUnit.SECONDS));
            }
        }
        System.out.printf("OPEN %d connections in %.1f s%n", open.size(), (System.nanoTime() - start) / 1e9);
        System.out.flush();
        // The script measures the gateway's heap now; then it writes a line to start the message phase.
        System.in.read();
        long sendStart = System.nanoTime();
        int perSender = messages / senders;
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            WebSocket socket = open.get(s);
            Thread thread = new Thread(() -> {
                for (int m = 0; m < perSender; m++) {
                    socket.sendText("{\"n\":" + m + "}", true).join();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        boolean all = done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        System.out.printf("MESSAGES %d round trips in %.2f s = %.0f per second%s%n", replies.get(), seconds,
                replies.get() / seconds, all ? "" : " (not all replies arrived)");
        for (WebSocket socket : open) {
            socket.abort();
        }
    }

    /** Counts echoed frames. */
    private record Counting(AtomicInteger replies, CountDownLatch done) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                replies.incrementAndGet();
                done.countDown();
            }
            webSocket.request(1);
            return null;
        }
    }
}
