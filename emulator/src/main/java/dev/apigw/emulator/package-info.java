/**
 * Public API: {@link dev.apigw.emulator.Gateway} (the socket-free pipeline), {@link dev.apigw.emulator.GatewayServer}
 * (the gateway on a Javalin server, {@code AutoCloseable}), {@link dev.apigw.emulator.GatewayConfig}, and the
 * request and response records.
 */
@NullMarked
package dev.apigw.emulator;

import org.jspecify.annotations.NullMarked;
