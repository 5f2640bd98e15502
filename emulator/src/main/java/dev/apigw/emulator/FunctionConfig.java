package dev.apigw.emulator;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A function's settings from {@code --function-config} (or {@code withFunctionConfig}), overriding what the function
 * definition says; null = keep the definition's value, else Lambda's default.
 *
 * @param reservedConcurrency the most invocations at once; over it, Lambda throttles (the Invoke API's 429)
 */
public record FunctionConfig(@Nullable Duration timeout, @Nullable Integer memorySizeMb,
        @Nullable Integer reservedConcurrency) {

    public static final FunctionConfig NONE = new FunctionConfig(null, null, null);

    public FunctionConfig {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (memorySizeMb != null && memorySizeMb <= 0) {
            throw new IllegalArgumentException("memorySize must be positive, was " + memorySizeMb);
        }
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency must be 0 or more, was " + reservedConcurrency);
        }
    }
}
