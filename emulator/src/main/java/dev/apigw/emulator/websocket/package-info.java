/**
 * Internal: may change without notice. WebSocket APIs: connections, route selection, the WebSocket Lambda events,
 * route responses and the {@code @connections} management API.
 */
@NullMarked
package dev.apigw.emulator.websocket;

import org.jspecify.annotations.NullMarked;
