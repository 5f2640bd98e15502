package dev.apigw.benchmarks.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The WebSocket part of {@code benchmarks/soak.sh}: sends a fixed number of messages through a gateway's
 * {@code $default} route on a few concurrent lanes, each message on its lane waiting for its echo, and compares every
 * echo with what was sent. A lane closes its connection after a number of messages and opens a new one, so
 * {@code $connect} and {@code $disconnect} run throughout the soak as well. Every wait has a timeout and every loop
 * ends with the message count.
 *
 * <p>Prints one summary line, {@code WS sent=N ok=N mismatched=N failed=N connections=N seconds=S}, then up to five
 * {@code WS_FAILURE} lines saying what went wrong; a message that is not echoed exactly is a failure of the soak.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.apigw.benchmarks.soak.WebSocketSoakClient ws://127.0.0.1:3203/dev
 * MESSAGES [LANES=16] [MESSAGES_PER_CONNECTION=500]}
 */
public final class WebSocketSoakClient {
    private static final long WAIT_SECONDS = 30;
    private static final int FAILURES_SHOWN = 5;

    private final URI uri;
    private final int perConnection;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong unclaimed;
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder mismatched = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private WebSocketSoakClient(URI uri, long messages, int perConnection) {
        this.uri = uri;
        this.unclaimed = new AtomicLong(messages);
        this.perConnection = perConnection;
    }

    public static void main(String[] args) throws InterruptedException {
        URI uri = URI.create(args[0]);
        long messages = Long.parseLong(args[1]);
        int lanes = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int perConnection = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        WebSocketSoakClient soak = new WebSocketSoakClient(uri, messages, perConnection);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            int number = lane;
            Thread thread = new Thread(() -> soak.runLane(number), "soak-lane-" + lane);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("WS sent=%d ok=%d mismatched=%d failed=%d connections=%d seconds=%.1f%n", soak.sent.sum(),
                soak.ok.sum(), soak.mismatched.sum(), soak.failed.sum(), soak.connections.sum(),
                (System.nanoTime() - start) / 1e9);
        soak.failures.stream().limit(FAILURES_SHOWN).forEach(failure -> System.out.println("WS_FAILURE " + failure));
    }

    /** Claims messages until none are left; each connection carries {@link #perConnection} of them. */
    private void runLane(int lane) {
        Connection connection = null;
        int onConnection = 0;
        for (long message = unclaimed.getAndDecrement(); message > 0; message = unclaimed.getAndDecrement()) {
            if (connection == null || onConnection == perConnection) {
                if (connection != null) {
                    connection.close();
                }
                connection = open(lane);
                onConnection = 0;
                if (connection == null) {
                    failed.increment();
                    continue;
                }
            }
            onConnection++;
            if (!roundTrip(connection, "{\"lane\":" + lane + ",\"n\":" + message + "}")) {
                connection.socket.abort();
                connection = null;
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private Connection open(int lane) {
        Connection connection = new Connection();
        try {
            connection.socket = client.newWebSocketBuilder().buildAsync(uri, connection)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            connections.increment();
            return connection;
        } catch (Exception e) {
            failure("lane " + lane + " could not connect: " + e);
            return null;
        }
    }

    /** Sends one message and waits for its echo; false when the connection is no longer usable. */
    private boolean roundTrip(Connection connection, String message) {
        try {
            connection.socket.sendText(message, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
            sent.increment();
            String reply = connection.replies.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (reply == null) {
                failed.increment();
                failure("no echo within " + WAIT_SECONDS + " s for " + message + connection.describeEnd());
                return false;
            }
            if (!reply.equals(message)) {
                mismatched.increment();
                failure("sent " + message + ", echoed " + reply);
                return true;
            }
            ok.increment();
            return true;
        } catch (Exception e) {
            failed.increment();
            failure("sending " + message + " failed: " + e + connection.describeEnd());
            return false;
        }
    }

    private void failure(String what) {
        if (failures.size() < FAILURES_SHOWN) {
            failures.add(what);
        }
    }

    /** One connection: its echoes in arrival order, and how it ended if the server ended it. */
    private final class Connection implements WebSocket.Listener {
        private final BlockingQueue<String> replies = new ArrayBlockingQueue<>(16);
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private volatile boolean closing;
        private volatile String end = "";
        private WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                if (!replies.offer(partial.toString())) {
                    failed.increment();
                    failure("an echo nobody waited for: " + partial);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closing) {
                failed.increment();
                end = "; the server closed the connection with " + statusCode + " " + reason;
                failure("the server closed a connection with " + statusCode + " " + reason);
            }
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                failed.increment();
                end = "; the connection failed: " + error;
                failure("a connection failed: " + error);
            }
            closed.complete(null);
        }

        String describeEnd() {
            return end;
        }

        /** Closes normally and waits for the server's close frame, so {@code $disconnect} runs as for a client. */
        void close() {
            closing = true;
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "soak").get(WAIT_SECONDS, TimeUnit.SECONDS);
                closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                failed.increment();
                failure("closing a connection failed: " + e);
                socket.abort();
            }
        }
    }
}
