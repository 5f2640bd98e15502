package dev.apigw.emulator.observe;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** API Gateway access logs. SKELETON: to be implemented. */
public final class AccessLog implements GatewayObserver, AutoCloseable {

    /**
     * @param format a preset name ({@code clf}, {@code json}, {@code xml}, {@code csv}) or a format string of
     *     {@code $context} variables
     * @param file null = standard output
     */
    public static AccessLog create(String format, @Nullable Path file, boolean httpApi) {
        return new AccessLog();
    }

    @Override
    public void observed(ObservedRequest request) {}

    @Override
    public void close() {}
}
