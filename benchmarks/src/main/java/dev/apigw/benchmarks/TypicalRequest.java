package dev.apigw.benchmarks;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;

/**
 * The "typical request" for the event, result and whole-gateway benchmarks: {@code POST /orders/42} with 10
 * headers (a cookie and an X-Forwarded-For among them), 3 query parameters and a 1 KB JSON body.
 */
final class TypicalRequest {
    static final int BODY_BYTES = 1024;
    static final String QUERY = "?limit=20&sort=desc&filter=active";
    static final String BODY = jsonBodyOf(BODY_BYTES);

    private TypicalRequest() {}

    /** The request on a REST API's {@code dev} stage. */
    static GatewayRequest rest() {
        return of("/dev/orders/42");
    }

    /** The request on an HTTP API's {@code $default} stage. */
    static GatewayRequest httpApi() {
        return of("/orders/42");
    }

    private static GatewayRequest of(String path) {
        Headers headers = Headers.of(
                "Host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) bench/1.0",
                "Accept", "application/json",
                "Accept-Encoding", "gzip, deflate, br",
                "Accept-Language", "en-GB,en;q=0.9",
                "Content-Type", "application/json",
                "Cookie", "session=5f2b8c1d; theme=dark",
                "X-Forwarded-For", "203.0.113.7",
                "X-Correlation-Id", "3c9a6f0e-2b7d-4e1a-9f5c-8d2e4b6a1c3f",
                "Cache-Control", "no-cache");
        return GatewayRequest.of("POST", path + QUERY, headers, BODY);
    }

    /** An order of exactly {@code bytes} bytes of UTF-8: items, a customer, and a note padded to size. */
    static String jsonBodyOf(int bytes) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + i).append("\",\"quantity\":")
                    .append(i % 4 + 1).append(",\"price\":").append(9.5 + i).append('}');
        }
        String head = "{\"customer\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},\"items\":[" + items
                + "],\"note\":\"";
        String tail = "\"}";
        int padding = bytes - head.length() - tail.length();
        if (padding < 0) {
            throw new IllegalArgumentException("a body of " + bytes + " bytes is too small for the order; use 512+");
        }
        // All ASCII, so characters are bytes.
        return head + "x".repeat(padding) + tail;
    }
}
