package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * API Gateway's and Lambda's size limits on a request (AWS-REFERENCE 12), and how long the server waits for a silent
 * client. Smaller values make tests of these cases fast; every check of them reads them from here.
 *
 * @param payloadBytes the largest request body API Gateway accepts: 10 MB on REST and HTTP APIs
 * @param lambdaPayloadBytes the largest synchronous Lambda invocation payload, request and response: 6 MB
 * @param headerBytes the most header bytes a request may carry: 10,240 (REST: all header values; HTTP APIs: the
 *     request line and all header values)
 * @param urlChars the longest request URL (path and query string) of a REST API: 10,240 characters on a Regional
 *     endpoint
 * @param idleTimeout how long a connection may stay silent, while a request arrives or between requests, before the
 *     server closes it (apigw's own bound, so that a stalled client cannot hold a connection for ever)
 */
public record RequestLimits(int payloadBytes, int lambdaPayloadBytes, int headerBytes, int urlChars,
        Duration idleTimeout) {
    public static final int AWS_PAYLOAD_BYTES = 10 * 1024 * 1024;
    public static final int AWS_LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;
    public static final int AWS_HEADER_BYTES = 10_240;
    public static final int AWS_URL_CHARS = 10_240;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public RequestLimits {
        if (payloadBytes <= 0 || lambdaPayloadBytes <= 0 || headerBytes <= 0 || urlChars <= 0) {
            throw new IllegalArgumentException("request limits must be positive, were payload " + payloadBytes
                    + ", Lambda payload " + lambdaPayloadBytes + ", headers " + headerBytes + ", URL " + urlChars);
        }
        requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
        }
    }

    /** The four size limits, with the default idle timeout. */
    public RequestLimits(int payloadBytes, int lambdaPayloadBytes, int headerBytes, int urlChars) {
        this(payloadBytes, lambdaPayloadBytes, headerBytes, urlChars, DEFAULT_IDLE_TIMEOUT);
    }

    /** AWS's values, and a 30-second idle timeout. */
    public static RequestLimits aws() {
        return new RequestLimits(AWS_PAYLOAD_BYTES, AWS_LAMBDA_PAYLOAD_BYTES, AWS_HEADER_BYTES, AWS_URL_CHARS);
    }

    public RequestLimits withPayloadBytes(int bytes) {
        return new RequestLimits(bytes, lambdaPayloadBytes, headerBytes, urlChars, idleTimeout);
    }

    public RequestLimits withLambdaPayloadBytes(int bytes) {
        return new RequestLimits(payloadBytes, bytes, headerBytes, urlChars, idleTimeout);
    }

    public RequestLimits withHeaderBytes(int bytes) {
        return new RequestLimits(payloadBytes, lambdaPayloadBytes, bytes, urlChars, idleTimeout);
    }

    public RequestLimits withUrlChars(int chars) {
        return new RequestLimits(payloadBytes, lambdaPayloadBytes, headerBytes, chars, idleTimeout);
    }

    public RequestLimits withIdleTimeout(Duration timeout) {
        return new RequestLimits(payloadBytes, lambdaPayloadBytes, headerBytes, urlChars, timeout);
    }
}
