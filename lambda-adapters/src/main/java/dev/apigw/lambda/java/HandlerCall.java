package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A resolved handler: payload bytes in, payload bytes written to a {@link BoundedOutput}, as the Java runtime's
 * {@code EventHandlerLoader} wraps every handler shape into a stream handler. What the handler throws propagates
 * unchanged.
 */
sealed interface HandlerCall {

    /** What the runtime answers when a handler has no output: a void method, or a stream method without one. */
    byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    void call(byte[] payload, Context context, BoundedOutput output) throws Throwable;

    /** The handler's code with the event already deserialized: a {@code RequestHandler} or a method. */
    @FunctionalInterface
    interface EventTarget {
        @Nullable Object handle(@Nullable Object event, Context context) throws Throwable;
    }

    /** The handler's code working on the raw payload: a {@code RequestStreamHandler} or a stream method. */
    @FunctionalInterface
    interface StreamTarget {
        void handle(InputStream input, OutputStream output, Context context) throws Throwable;
    }

    /**
     * A handler that takes and returns objects; the runtime's {@code PojoHandlerAsStreamHandler}.
     *
     * @param input null when the handler takes no event
     * @param output null when the handler returns void
     */
    record EventCall(
            @Nullable PojoSerializer<Object> input, @Nullable PojoSerializer<Object> output, EventTarget target)
            implements HandlerCall {

        @Override
        public void call(byte[] payload, Context context, BoundedOutput bytes) throws Throwable {
            Object event = input == null ? null : deserialize(input, payload);
            Object result = target.handle(event, context);
            if (output == null) {
                bytes.write(JSON_NULL);
                return;
            }
            try {
                output.toJson(result, bytes);
            } catch (Throwable e) {
                // The runtime's exact error: errorType java.lang.RuntimeException and this message.
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        }

        private static @Nullable Object deserialize(PojoSerializer<Object> input, byte[] payload) {
            try {
                return input.fromJson(new ByteArrayInputStream(payload));
            } catch (Throwable e) {
                // The runtime's exact error; created here, its stack trace is empty once our frames are cut.
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
        }
    }

    /**
     * A handler that reads and writes the payload itself.
     *
     * @param writesOutput false for a stream method without an {@code OutputStream}, which answers {@code null}
     */
    record StreamCall(StreamTarget target, boolean writesOutput) implements HandlerCall {

        @Override
        public void call(byte[] payload, Context context, BoundedOutput bytes) throws Throwable {
            if (writesOutput) {
                target.handle(new ByteArrayInputStream(payload), bytes, context);
            } else {
                target.handle(new ByteArrayInputStream(payload), OutputStream.nullOutputStream(), context);
                bytes.write(JSON_NULL);
            }
        }
    }
}
