package dev.apigw.emulator.observe;

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
 * <p>Three stages keep a request from ever waiting on a browser, and one browser from waiting on another:
 * <ol>
 *   <li>Observing builds a small event (a few field reads, never the request's bodies) and offers it to a shared
 *       bounded queue; when nobody is subscribed it returns at once, and when the queue is full the event is dropped
 *       and counted ({@link #dropped()}).</li>
 *   <li>One dispatcher thread writes each event as JSON once and offers it to each subscriber's own small queue. A
 *       subscriber whose queue overflows is too slow to follow: it is dropped and its stream ends; the browser's
 *       EventSource reconnects and the page seeds itself again from the journal.</li>
 *   <li>One writer thread per subscriber writes its events, sends a {@code : ping} comment after
 *       {@link #PING_INTERVAL} of quiet so that proxies keep the stream open, and closes its own client when it
 *       ends (Javalin's SSE client is not thread-safe, so no other thread touches it).</li>
 * </ol>
 * Each stream begins with a {@link #READY} event, written once the server has subscribed it: the page seeds itself
 * from the journal on that event rather than when the stream opens, so nothing answered in between is missed.
 * {@link #close()} ends every stream (a {@code --watch} reload closes the old gateway: browsers then reconnect to the
 * new one).
 */
public final class LiveFeed implements GatewayObserver, WebSocketObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    static final int QUEUE_CAPACITY = 1_024;
    /** How many events a subscriber may lag behind before it is dropped as too slow. */
    static final int SUBSCRIBER_QUEUE_CAPACITY = 256;
    static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    /** How long {@link #close()} waits, in all, for the threads to end. */
    static final Duration CLOSE_WAIT = Duration.ofMillis(500);
    /** How much of a WebSocket frame the feed shows. */
    static final int PREVIEW_CHARS = 200;

    private final Clock clock;
    private final Duration pingInterval;
    private final int subscriberQueueCapacity;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong writers = new AtomicLong();
    private @Nullable Thread dispatcher;
    private volatile boolean closed;

    /** What the feed sends: small records built on the observing thread. */
    sealed interface Event permits RequestEvent, WebSocketEvent {
        /** The SSE event name. */
        String name();
    }

    /** {@code event: request}. */
    record RequestEvent(long sequence, String requestId, Instant time, String method, String path,
            @Nullable String route, int status, double latencyMillis, @Nullable Double integrationLatencyMillis,
            @Nullable String errorType) implements Event {
        @Override
        public String name() {
            return "request";
        }
    }

    /** {@code event: websocket}; {@code kind} is connect, in, out or disconnect. */
    record WebSocketEvent(String connectionId, String kind, @Nullable String routeKey, Instant time, long size,
            String preview) implements Event {
        @Override
        public String name() {
            return "websocket";
        }
    }

    public LiveFeed(Clock clock) {
        this(clock, PING_INTERVAL, SUBSCRIBER_QUEUE_CAPACITY);
    }

    LiveFeed(Clock clock, Duration pingInterval) {
        this(clock, pingInterval, SUBSCRIBER_QUEUE_CAPACITY);
    }

    LiveFeed(Clock clock, Duration pingInterval, int subscriberQueueCapacity) {
        this.clock = clock;
        this.pingInterval = pingInterval;
        this.subscriberQueueCapacity = subscriberQueueCapacity;
    }

    /** Streams every fact from now on to {@code subscriber}, until it goes away or the feed closes. */
    public void subscribe(FeedSubscriber subscriber) {
        synchronized (this) {
            if (!closed) {
                Subscription subscription = new Subscription(subscriber);
                subscriptions.add(subscription);
                if (dispatcher == null || !dispatcher.isAlive()) {
                    dispatcher = daemon(this::dispatch, "apigw-live-feed-dispatcher");
                }
                subscription.writer.start();
                return;
            }
        }
        // No writer thread exists for it, so this thread may close it.
        subscriber.close();
    }

    /** Stops streaming to {@code subscriber} (its client went away); its writer closes it. */
    public void unsubscribe(FeedSubscriber subscriber) {
        for (Subscription subscription : subscriptions) {
            if (subscription.subscriber == subscriber) {
                subscription.end();
            }
        }
    }

    /** How many clients are subscribed. */
    public int subscribers() {
        return subscriptions.size();
    }

    /** How many facts were dropped because the shared queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void observed(ObservedRequest request) {
        if (subscriptions.isEmpty()) {
            return;
        }
        enqueue(requestEvent(sequence.incrementAndGet(), request));
    }

    @Override
    public void connected(String connectionId) {
        webSocket(connectionId, "connect", "$connect", "", 0);
    }

    @Override
    public void received(String connectionId, @Nullable String routeKey, String data, int size) {
        webSocket(connectionId, "in", routeKey, data, size);
    }

    @Override
    public void sentToClient(String connectionId, @Nullable String routeKey, String data, int size) {
        webSocket(connectionId, "out", routeKey, data, size);
    }

    @Override
    public void disconnected(String connectionId, int closeCode, Duration connectedFor) {
        webSocket(connectionId, "disconnect", "$disconnect", "", 0);
    }

    private void webSocket(String connectionId, String kind, @Nullable String routeKey, String data, int size) {
        if (subscriptions.isEmpty()) {
            return;
        }
        String preview = data.length() > PREVIEW_CHARS ? data.substring(0, PREVIEW_CHARS) : data;
        enqueue(new WebSocketEvent(connectionId, kind, routeKey, clock.instant(), size, preview));
    }

    private void enqueue(Event event) {
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    static RequestEvent requestEvent(long sequence, ObservedRequest observed) {
        Duration integration = observed.integrationLatency();
        return new RequestEvent(sequence, observed.context().requestId(), observed.context().requestTime(),
                observed.request().method(), observed.request().rawPath(), RouteLabels.of(observed.route()),
                observed.response().status(), DashboardJson.millis(observed.latency()),
                integration == null ? null : DashboardJson.millis(integration), observed.errorType());
    }

    /** The dispatcher thread: writes each event as JSON once and hands it to every subscriber. */
    private void dispatch() {
        try {
            while (!closed) {
                Event event = queue.take();
                try {
                    Message message = new Message(event.name(), DashboardJson.write(event));
                    for (Subscription subscription : subscriptions) {
                        subscription.offer(message);
                    }
                } catch (RuntimeException e) {
                    // One event that cannot be sent must not end the feed for the ones after it.
                    LOG.warn("the dashboard's live feed could not send an event: {}", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!closed) {
                // Only an Error gets here: say so; the next subscriber starts a new dispatcher.
                LOG.warn("the dashboard's live feed stopped; it starts again when a browser reconnects");
                synchronized (this) {
                    dispatcher = null;
                }
                subscriptions.forEach(Subscription::end);
            }
        }
    }

    /**
     * Ends every stream and the feed's threads, waiting for them at most {@link #CLOSE_WAIT} in all; later
     * subscribers are closed at once.
     */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            closed = true;
            stopping = dispatcher;
            dispatcher = null;
        }
        List<Subscription> ending = List.copyOf(subscriptions);
        ending.forEach(Subscription::end);
        queue.clear();
        if (stopping != null) {
            stopping.interrupt();
        }
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (Subscription subscription : ending) {
            subscription.await(deadline);
        }
        if (stopping != null) {
            joinUntil(stopping, deadline);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinUntil(Thread thread, long deadline) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "live feed to " + subscriptions.size() + " clients";
    }

    /** One event as its subscribers receive it; {@link #END} tells a writer to stop. */
    private record Message(String name, String data) {}

    private static final Message END = new Message("", "");
    /**
     * Every stream's first event, written once the subscription is in place. A stream's headers go out before the
     * server subscribes it, so a page that waited only for the stream to open could miss what happened in between.
     */
    public static final String READY = "ready";
    private static final Message READY_MESSAGE = new Message(READY, "{}");

    /** One subscriber with its own queue and writer thread. */
    private final class Subscription {
        final FeedSubscriber subscriber;
        final BlockingQueue<Message> pending = new ArrayBlockingQueue<>(subscriberQueueCapacity + 1);
        final Thread writer;
        volatile boolean ended;

        Subscription(FeedSubscriber subscriber) {
            this.subscriber = subscriber;
            Thread thread = new Thread(this::write, "apigw-live-feed-writer-" + writers.incrementAndGet());
            thread.setDaemon(true);
            this.writer = thread;
            pending.offer(READY_MESSAGE);
        }

        /** Called by the dispatcher: never blocks; a subscriber that cannot keep up is dropped. */
        void offer(Message message) {
            if (ended) {
                return;
            }
            if (pending.remainingCapacity() <= 1 || !pending.offer(message)) {
                LOG.info("a dashboard browser fell {} events behind the live feed; its stream ends and it reconnects",
                        subscriberQueueCapacity);
                end();
                // Its writer is most likely blocked writing to the stalled browser: the interrupt aborts that write.
                writer.interrupt();
            }
        }

        /** Asks the writer to stop; the writer removes the subscription and closes the client. */
        void end() {
            ended = true;
            subscriptions.remove(this);
            pending.clear();
            pending.offer(END);
        }

        void await(long deadline) {
            joinUntil(writer, deadline);
            if (writer.isAlive()) {
                // Stuck in a write: an interrupt aborts a blocking write; else the server's stop ends it.
                writer.interrupt();
            }
        }

        /** The writer thread: the only one that touches this subscriber's client. */
        private void write() {
            try {
                long nextPing = System.nanoTime() + pingInterval.toNanos();
                while (!ended && !closed && !subscriber.gone()) {
                    Message message = pending.poll(Math.max(0, nextPing - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (message == END) {
                        break;
                    }
                    if (message != null) {
                        subscriber.event(message.name(), message.data());
                    } else if (System.nanoTime() - nextPing >= 0) {
                        subscriber.comment("ping");
                    } else {
                        continue;
                    }
                    nextPing = System.nanoTime() + pingInterval.toNanos();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // This subscriber's failure ends only its own stream.
                LOG.debug("a dashboard live feed stream ended: {}", e.toString());
            } finally {
                ended = true;
                subscriptions.remove(this);
                closeClient();
            }
        }

        private void closeClient() {
            try {
                subscriber.close();
            } catch (RuntimeException | Error e) {
                LOG.debug("closing a live feed client failed: {}", e.toString());
            }
        }
    }
}
