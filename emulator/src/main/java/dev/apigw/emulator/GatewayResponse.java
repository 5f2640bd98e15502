package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/** What the gateway answers: status, header lines (in order, names as AWS casts them) and body bytes. */
public record GatewayResponse(int status, Headers headers, byte[] body) {
    public GatewayResponse {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public GatewayResponse withHeader(String name, String value) {
        return new GatewayResponse(status, headers.with(name, value), body);
    }
}
