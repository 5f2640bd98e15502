package dev.apigw.emulator.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's live feed ({@code GET /_apigw/api/events}): every answered request and every WebSocket connect,
 * frame and disconnect, as Server-Sent Events to whoever is subscribed.
 *
 * <p>Observing never writes to a client: it puts the fact on a bounded queue that one daemon thread drains, so a slow
 * browser cannot slow a request down. When nobody is subscribed, observing returns at once; when the queue is full,
 * the fact is dropped and counted ({@link #dropped()}). The thread starts with the first subscriber, sends a
 * {@code : ping} comment every {@link #PING_INTERVAL} so that proxies keep the stream open, and ends with
 * {@link #close()}, which also ends every stream (a {@code --watch} reload closes the old gateway: browsers then
 * reconnect to the new one).
 */
public final class LiveFeed implements GatewayObserver, WebSocketObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final int QUEUE_CAPACITY = 1_024;
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    /** How much of a WebSocket frame the feed shows. */
    static final int PREVIEW_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private final Clock clock;
    private final Duration pingInterval;
    private final List<FeedSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private @Nullable Thread sender;
    private volatile boolean closed;

    /** What waits for the sender thread: a request as observed, or a WebSocket fact already in its final form. */
    private record Pending(long sequence, @Nullable ObservedRequest request, @Nullable WebSocketEvent webSocket) {}

    /** {@code event: request}. */
    record RequestEvent(long sequence, String requestId, Instant time, String method, String path,
            @Nullable String route, int status, double latencyMillis, @Nullable Double integrationLatencyMillis,
            @Nullable String errorType) {}

    /** {@code event: websocket}; {@code kind} is connect, in, out or disconnect. */
    record WebSocketEvent(String connectionId, String kind, @Nullable String routeKey, Instant time, long size,
            String preview) {}

    public LiveFeed(Clock clock) {
        this(clock, PING_INTERVAL);
    }

    LiveFeed(Clock clock, Duration pingInterval) {
        this.clock = clock;
        this.pingInterval = pingInterval;
    }

    /** Streams every fact from now on to {@code subscriber}, until it goes away or the feed closes. */
    public void subscribe(FeedSubscriber subscriber) {
        synchronized (this) {
            if (closed) {
                subscriber.close();
                return;
            }
            subscribers.add(subscriber);
            if (sender == null) {
                Thread thread = new Thread(this::send, "apigw-live-feed");
                thread.setDaemon(true);
                sender = thread;
                thread.start();
            }
        }
    }

    /** Stops streaming to {@code subscriber} (its client went away). */
    public void unsubscribe(FeedSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** How many clients are subscribed. */
    public int subscribers() {
        return subscribers.size();
    }

    /** How many facts were dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void observed(ObservedRequest request) {
        if (subscribers.isEmpty()) {
            return;
        }
        enqueue(new Pending(sequence.incrementAndGet(), request, null));
    }

    @Override
    public void connected(String connectionId) {
        webSocket(connectionId, "connect", "$connect", "");
    }

    @Override
    public void received(String connectionId, @Nullable String routeKey, String data) {
        webSocket(connectionId, "in", routeKey, data);
    }

    @Override
    public void sentToClient(String connectionId, @Nullable String routeKey, String data) {
        webSocket(connectionId, "out", routeKey, data);
    }

    @Override
    public void disconnected(String connectionId, int closeCode, Duration connectedFor) {
        webSocket(connectionId, "disconnect", "$disconnect", "");
    }

    private void webSocket(String connectionId, String kind, @Nullable String routeKey, String data) {
        if (subscribers.isEmpty()) {
            return;
        }
        String preview = data.length() > PREVIEW_CHARS ? data.substring(0, PREVIEW_CHARS) : data;
        enqueue(new Pending(0, null, new WebSocketEvent(connectionId, kind, routeKey, clock.instant(),
                utf8Length(data), preview)));
    }

    private void enqueue(Pending pending) {
        if (!queue.offer(pending)) {
            dropped.incrementAndGet();
        }
    }

    /** The sender thread: drains the queue to every subscriber and pings them when it is quiet. */
    private void send() {
        long nextPing = System.nanoTime() + pingInterval.toNanos();
        while (!closed) {
            try {
                Pending pending = queue.poll(Math.max(0, nextPing - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (pending != null) {
                    broadcast(pending);
                }
                if (System.nanoTime() - nextPing >= 0) {
                    for (FeedSubscriber subscriber : subscribers) {
                        subscriber.comment("ping");
                    }
                    nextPing = System.nanoTime() + pingInterval.toNanos();
                }
                subscribers.removeIf(FeedSubscriber::gone);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // One bad write must not end the feed for everyone else.
                LOG.warn("the dashboard's live feed failed to send: {}", e.toString());
            }
        }
    }

    private void broadcast(Pending pending) {
        String name = pending.request() != null ? "request" : "websocket";
        String data = json(pending.request() != null ? requestEvent(pending.sequence(), pending.request())
                : pending.webSocket());
        for (FeedSubscriber subscriber : subscribers) {
            if (!subscriber.gone()) {
                subscriber.event(name, data);
            }
        }
    }

    static RequestEvent requestEvent(long sequence, ObservedRequest observed) {
        Duration integration = observed.integrationLatency();
        return new RequestEvent(sequence, observed.context().requestId(), observed.context().requestTime(),
                observed.request().method(), observed.request().rawPath(), RouteLabels.of(observed.route()),
                observed.response().status(), millis(observed.latency()),
                integration == null ? null : millis(integration), observed.errorType());
    }

    private static double millis(Duration duration) {
        return LatencyHistogram.round(duration.toNanos() / 1_000_000.0);
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // Records of strings and numbers always serialize; reaching here is a bug in apigw.
            throw new IllegalStateException("a live feed event could not be written as JSON", e);
        }
    }

    /** Ends every stream and the sender thread; later subscribers are closed at once. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = sender;
        }
        for (FeedSubscriber subscriber : subscribers) {
            try {
                subscriber.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a live feed client failed: {}", e.toString());
            }
        }
        subscribers.clear();
        queue.clear();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public String toString() {
        return "live feed to " + subscribers.size() + " clients";
    }
}
