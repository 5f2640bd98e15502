package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live feed without a server: subscribers, pings, WebSocket events, slow browsers and closing. */
class LiveFeedTest {

    /** Collects what the feed sends, as {@code name data} lines. */
    private static class Collector implements FeedSubscriber {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        final CountDownLatch closing = new CountDownLatch(1);
        volatile boolean closed;

        @Override
        public void event(String name, String data) {
            sent.add(name + " " + data);
        }

        @Override
        public void comment(String text) {
            sent.add(": " + text);
        }

        @Override
        public boolean gone() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
            closing.countDown();
        }
    }

    /** A browser that never reads: its first write blocks until {@link #release} (or its thread is interrupted). */
    private static final class Stuck extends Collector {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void event(String name, String data) {
            writing.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("write aborted", e);
            }
            super.event(name, data);
        }
    }

    @Test
    void without_subscribers_nothing_is_queued_or_sent() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC());
        feed.received("abc=", "sendmessage", "hello", 5);
        Collector collector = new Collector();
        subscribe(feed, collector);

        feed.sentToClient("abc=", "sendmessage", "x".repeat(300), 300);

        String event = collector.sent.poll(10, TimeUnit.SECONDS);
        assertThat(event).startsWith("websocket {").contains("\"kind\":\"out\"").contains("\"size\":300")
                .contains("\"preview\":\"" + "x".repeat(200) + "\"").contains("\"routeKey\":\"sendmessage\"");
        assertThat(collector.sent.poll(200, TimeUnit.MILLISECONDS)).isNull();
        feed.close();
    }

    @Test
    void quiet_streams_are_pinged_and_closing_ends_every_stream() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC(), Duration.ofMillis(50));
        Collector collector = new Collector();
        subscribe(feed, collector);

        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).isEqualTo(": ping");

        feed.close();
        assertThat(collector.closing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.subscribers()).isZero();
        Collector late = new Collector();
        feed.subscribe(late);
        assertThat(late.closed).isTrue();
    }

    @Test
    void connects_and_disconnects_are_websocket_events() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC());
        Collector collector = new Collector();
        subscribe(feed, collector);

        feed.connected("abc=");
        feed.disconnected("abc=", 1000, Duration.ofSeconds(3));

        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).contains("\"kind\":\"connect\"")
                .contains("\"connectionId\":\"abc=\"");
        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).contains("\"kind\":\"disconnect\"");
        feed.close();
    }

    @Test
    void a_browser_that_never_reads_does_not_hold_up_another() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC());
        Stuck stuck = new Stuck();
        Collector reader = new Collector();
        feed.subscribe(stuck);
        subscribe(feed, reader);

        for (int i = 0; i < 20; i++) {
            feed.received("c" + i, null, "m" + i, 2);
        }

        assertThat(stuck.writing.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(reader.sent.poll(10, TimeUnit.SECONDS)).contains("\"connectionId\":\"c" + i + "\"");
        }
        stuck.release.countDown();
        feed.close();
    }

    @Test
    void a_browser_that_falls_too_far_behind_is_dropped_and_only_it() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC(), LiveFeed.PING_INTERVAL, 4);
        Stuck stuck = blockedIn(feed);
        Collector reader = new Collector();
        subscribe(feed, reader);
        // One at a time, as fast as the reader reads: the stuck one's queue of 4 overflows on the fifth.
        for (int i = 0; i < 10; i++) {
            feed.received("c" + i, null, "m", 1);
            assertThat(reader.sent.poll(10, TimeUnit.SECONDS)).contains("\"connectionId\":\"c" + i + "\"");
        }
        stuck.release.countDown();

        assertThat(stuck.closing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.closed).isFalse();
        assertThat(feed.subscribers()).isEqualTo(1);
        feed.connected("after");
        assertThat(reader.sent.poll(10, TimeUnit.SECONDS)).contains("\"connectionId\":\"after\"");
        feed.close();
        assertThat(reader.closing.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closing_does_not_wait_for_a_stuck_browser() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC());
        Stuck stuck = blockedIn(feed);

        // A guard against a hang, far above LiveFeed.CLOSE_WAIT, not a timing assertion.
        assertTimeoutPreemptively(Duration.ofSeconds(30), feed::close);

        // close() interrupted the stuck write: its writer ends and closes its own client.
        assertThat(stuck.closing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.subscribers()).isZero();
    }

    /** Subscribes {@code collector}, whose stream begins with the ready event. */
    private static void subscribe(LiveFeed feed, Collector collector) throws InterruptedException {
        feed.subscribe(collector);
        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).isEqualTo(LiveFeed.READY + " {}");
    }

    /** A stuck subscriber of {@code feed}, blocked in writing its first event (the ready event). */
    private static Stuck blockedIn(LiveFeed feed) throws InterruptedException {
        Stuck stuck = new Stuck();
        feed.subscribe(stuck);
        assertThat(stuck.writing.await(10, TimeUnit.SECONDS)).isTrue();
        return stuck;
    }
}
