package dev.apigw.emulator.observe;

/**
 * Sees every request once it is answered, on the request's thread: keep it short (no I/O that can block for long)
 * and never throw.
 */
@FunctionalInterface
public interface GatewayObserver {
    void observed(ObservedRequest request);
}
