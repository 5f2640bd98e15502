package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live feed without a server: subscribers, pings, WebSocket events and closing. */
class LiveFeedTest {

    /** Collects what the feed sends, as {@code name data} lines. */
    private static final class Collector implements FeedSubscriber {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
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
        }
    }

    @Test
    void without_subscribers_nothing_is_queued_or_sent() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC());
        feed.received("abc=", "sendmessage", "hello");
        Collector collector = new Collector();
        feed.subscribe(collector);

        feed.sentToClient("abc=", "sendmessage", "x".repeat(300));

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
        feed.subscribe(collector);

        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).isEqualTo(": ping");

        feed.close();
        assertThat(collector.closed).isTrue();
        assertThat(feed.subscribers()).isZero();
        Collector late = new Collector();
        feed.subscribe(late);
        assertThat(late.closed).isTrue();
    }

    @Test
    void connects_and_disconnects_are_websocket_events() throws Exception {
        LiveFeed feed = new LiveFeed(Clock.systemUTC());
        Collector collector = new Collector();
        feed.subscribe(collector);

        feed.connected("abc=");
        feed.disconnected("abc=", 1000, Duration.ofSeconds(3));

        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).contains("\"kind\":\"connect\"")
                .contains("\"connectionId\":\"abc=\"");
        assertThat(collector.sent.poll(10, TimeUnit.SECONDS)).contains("\"kind\":\"disconnect\"");
        feed.close();
    }
}
