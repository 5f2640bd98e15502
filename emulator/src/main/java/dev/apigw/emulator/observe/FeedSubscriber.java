package dev.apigw.emulator.observe;

/**
 * One client of the {@link LiveFeed} (a browser's EventSource): the transport adapts its stream to this. Once
 * subscribed, only the feed's writer thread for this client calls {@link #event}, {@link #comment} and
 * {@link #close}, so an implementation need not be thread-safe; {@link #gone} may be called from any thread.
 */
public interface FeedSubscriber {

    /** Sends one Server-Sent Event; a client that is gone shows it in {@link #gone()} afterwards. */
    void event(String name, String data);

    /** Sends a comment line ({@code : text}), which clients ignore and proxies see as traffic. */
    void comment(String text);

    /** Whether the client went away (or was closed): the feed then drops it. */
    boolean gone();

    /** Ends the stream; the browser's EventSource reconnects by itself. */
    void close();
}
