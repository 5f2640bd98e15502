package dev.apigw.lambda.java;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one Java function, with Lambda's defaults: a 3 second timeout and 128 MB of memory
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html">Configure Lambda function
 * timeout</a>).
 *
 * @param name the function name, used in log lines, thread names and load errors
 * @param handler {@code pkg.Class::method} or {@code pkg.Class}; null for functions built from an instance
 * @param classpath directories and jars holding the function's code; empty when the code is on apigw's own classpath
 * @param timeout how long an invocation may run before it fails with {@code Sandbox.Timedout}
 * @param memorySizeMb what {@code Context.getMemoryLimitInMB()} reports (apigw does not enforce it)
 * @param environment the function's environment variables as configured (the standard Lambda variables are added
 *     by the runtime), in the order given
 * @param reservedConcurrency the most invocations that may run at once; null = unreserved (the account's limit)
 * @param responseLimitBytes the largest response payload; a larger one fails the invocation with
 *     {@code Function.ResponseSizeTooLarge}
 */
public record FunctionSettings(String name, @Nullable String handler, List<Path> classpath, Duration timeout,
        int memorySizeMb, Map<String, String> environment, @Nullable Integer reservedConcurrency,
        int responseLimitBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MEMORY_SIZE_MB = 128;
    /**
     * Lambda's limit on a synchronous response: "6 MB", which its error message gives as 6,291,556 bytes, and
     * payloads of exactly that size pass [K zaccharles.medium.com "Deep Dive: Lambda's Response Payload Size Limit"].
     */
    public static final int DEFAULT_RESPONSE_LIMIT_BYTES = 6_291_556;

    public FunctionSettings {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("function name must not be blank");
        }
        classpath = List.copyOf(classpath);
        requireNonNull(timeout, "timeout");
        // AWS accepts whole seconds from 1 to 900; shorter timeouts are allowed here so tests can run fast.
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of function " + name + " must be positive, was " + timeout);
        }
        if (memorySizeMb <= 0) {
            throw new IllegalArgumentException(
                    "memorySizeMb of function " + name + " must be positive, was " + memorySizeMb);
        }
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency of function " + name + " must be 0 or more, was "
                    + reservedConcurrency);
        }
        if (responseLimitBytes <= 0) {
            throw new IllegalArgumentException("responseLimitBytes of function " + name + " must be positive, was "
                    + responseLimitBytes);
        }
    }

    public FunctionSettings(
            String name, @Nullable String handler, List<Path> classpath, Duration timeout, int memorySizeMb) {
        this(name, handler, classpath, timeout, memorySizeMb, Map.of(), null, DEFAULT_RESPONSE_LIMIT_BYTES);
    }

    /** A function with no handler string, no extra classpath and Lambda's default timeout and memory. */
    public static FunctionSettings defaults(String name) {
        return new FunctionSettings(name, null, List.of(), DEFAULT_TIMEOUT, DEFAULT_MEMORY_SIZE_MB);
    }

    public FunctionSettings withHandler(@Nullable String newHandler) {
        return new FunctionSettings(name, newHandler, classpath, timeout, memorySizeMb, environment, reservedConcurrency,
                responseLimitBytes);
    }

    public FunctionSettings withClasspath(List<Path> newClasspath) {
        return new FunctionSettings(name, handler, newClasspath, timeout, memorySizeMb, environment, reservedConcurrency,
                responseLimitBytes);
    }

    public FunctionSettings withTimeout(Duration newTimeout) {
        return new FunctionSettings(name, handler, classpath, newTimeout, memorySizeMb, environment, reservedConcurrency,
                responseLimitBytes);
    }

    public FunctionSettings withMemorySizeMb(int newMemorySizeMb) {
        return new FunctionSettings(name, handler, classpath, timeout, newMemorySizeMb, environment, reservedConcurrency,
                responseLimitBytes);
    }

    public FunctionSettings withEnvironment(Map<String, String> newEnvironment) {
        return new FunctionSettings(name, handler, classpath, timeout, memorySizeMb, newEnvironment, reservedConcurrency,
                responseLimitBytes);
    }

    public FunctionSettings withReservedConcurrency(@Nullable Integer newReservedConcurrency) {
        return new FunctionSettings(name, handler, classpath, timeout, memorySizeMb, environment, newReservedConcurrency,
                responseLimitBytes);
    }

    public FunctionSettings withResponseLimitBytes(int newResponseLimitBytes) {
        return new FunctionSettings(name, handler, classpath, timeout, memorySizeMb, environment, reservedConcurrency,
                newResponseLimitBytes);
    }
}
