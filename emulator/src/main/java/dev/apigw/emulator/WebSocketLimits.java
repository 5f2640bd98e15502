package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * API Gateway's WebSocket limits (AWS-REFERENCE 3.6): a frame over {@code frameBytes} or a message over
 * {@code messageBytes} closes the connection with 1009; a connection idle for {@code idleTimeout} or open for
 * {@code maxDuration} is closed. Smaller values make tests of these cases fast.
 */
public record WebSocketLimits(int frameBytes, int messageBytes, Duration idleTimeout, Duration maxDuration) {

    public WebSocketLimits {
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(maxDuration, "maxDuration");
        if (frameBytes <= 0 || messageBytes <= 0 || frameBytes > messageBytes) {
            throw new IllegalArgumentException("WebSocket limits need 0 < frameBytes <= messageBytes, were "
                    + frameBytes + " and " + messageBytes);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("WebSocket idle timeout and maximum duration must be positive");
        }
    }

    /** AWS's values: 32 KB frames, 128 KB messages, 10 minutes idle, 2 hours per connection. */
    public static WebSocketLimits aws() {
        return new WebSocketLimits(32 * 1024, 128 * 1024, Duration.ofMinutes(10), Duration.ofHours(2));
    }
}
