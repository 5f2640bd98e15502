package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A client request as received, before any gateway processing.
 *
 * @param method the request method as sent (upper case)
 * @param rawPath the path as received, percent-encoding intact, including the stage segment for REST APIs
 * @param rawQuery the query string without {@code ?}, as received; empty when there is none
 * @param headers header lines in order, original casing
 * @param body the body bytes (empty when none)
 * @param sourceIp the client's address
 * @param time when the request arrived
 */
public record GatewayRequest(
        String method, String rawPath, String rawQuery, Headers headers, byte[] body, String sourceIp, Instant time) {

    public GatewayRequest {
        requireNonNull(method, "method");
        requireNonNull(rawPath, "rawPath");
        requireNonNull(rawQuery, "rawQuery");
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        requireNonNull(sourceIp, "sourceIp");
        requireNonNull(time, "time");
    }

    /** A request for tests and in-memory use: {@code GatewayRequest.of("GET", "/dev/pets?limit=2")}. */
    public static GatewayRequest of(String method, String pathAndQuery) {
        return of(method, pathAndQuery, Headers.empty(), new byte[0]);
    }

    public static GatewayRequest of(String method, String pathAndQuery, Headers headers, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        return new GatewayRequest(method, path, query, headers, body, "127.0.0.1", Instant.now());
    }

    public static GatewayRequest of(String method, String pathAndQuery, Headers headers, String body) {
        return of(method, pathAndQuery, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
