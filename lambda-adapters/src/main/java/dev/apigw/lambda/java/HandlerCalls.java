package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.apigw.lambda.HandlerLoadException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each handler shape into a {@link HandlerCall}, building its serializers once, as the runtime's
 * {@code EventHandlerLoader.wrapPojoHandler} and {@code StreamMethodRequestHandler} do. Also resolves handler
 * <em>instances</em> (from tests or the JUnit fixture), which need no class loading.
 */
final class HandlerCalls {

    private final String functionName;
    private final Class<?> handlerClass;
    private final RuntimeSerializers serializers;

    HandlerCalls(String functionName, Class<?> handlerClass, RuntimeSerializers serializers) {
        this.functionName = functionName;
        this.handlerClass = handlerClass;
        this.serializers = serializers;
    }

    /**
     * The call for a handler object: a {@code RequestStreamHandler}, a {@code RequestHandler}, or any object with a
     * public {@code handleRequest} method (or the method the settings' handler string names). A lambda's type
     * arguments are erased, so a lambda {@code RequestHandler} receives its event as the runtime's Jackson reads an
     * {@code Object}: a {@code Map}, {@code List}, {@code String} or number.
     */
    static HandlerCall forInstance(FunctionSettings settings, Object handler) {
        Class<?> handlerClass = handler.getClass();
        HandlerCalls calls = new HandlerCalls(settings.name(), handlerClass, RuntimeSerializers.of(loaderOf(handler)));
        String handlerString = settings.handler();
        HandlerReference reference = handlerString == null ? null : HandlerReference.parse(handlerString);
        if (reference == null || !reference.methodGiven()) {
            if (handler instanceof RequestStreamHandler streamHandler) {
                return calls.streamHandler(streamHandler);
            }
            if (handler instanceof RequestHandler<?, ?> requestHandler) {
                Type[] types = erasedToObject(RequestHandlerTypes.of(handlerClass));
                return calls.requestHandler(requestHandler, types[0], types[1]);
            }
        }
        String methodName = reference == null ? HandlerReference.DEFAULT_METHOD : reference.methodName();
        HandlerMethod method = HandlerMethod.select(handlerClass, methodName)
                .orElseThrow(() -> new HandlerLoadException("handler object of class " + handlerClass.getName()
                        + " for function " + settings.name() + " is neither a RequestHandler nor a "
                        + "RequestStreamHandler and has no public method " + methodName + " taking (event), (event, "
                        + "Context), (InputStream, OutputStream) or (InputStream, OutputStream, Context); pass one"));
        // Instances may be private test classes; the runtime only ever sees public ones.
        method.method().trySetAccessible();
        return calls.method(method, handler);
    }

    /** The loader whose classes a handler object sees, and so the one its serializers and worker threads use. */
    static ClassLoader loaderOf(Object handler) {
        ClassLoader loader = handler.getClass().getClassLoader();
        return loader != null ? loader : HandlerCalls.class.getClassLoader();
    }

    HandlerCall streamHandler(RequestStreamHandler handler) {
        return new HandlerCall.StreamCall(handler::handleRequest, true);
    }

    @SuppressWarnings("unchecked")
    HandlerCall requestHandler(RequestHandler<?, ?> handler, Type eventType, Type resultType) {
        RequestHandler<Object, Object> target = (RequestHandler<Object, Object>) handler;
        return new HandlerCall.EventCall(
                serializer(eventType), isVoid(resultType) ? null : serializer(resultType), target::handleRequest);
    }

    HandlerCall method(HandlerMethod method, @Nullable Object instance) {
        if (method.isStreamHandler()) {
            boolean writesOutput = method.parameters().contains(HandlerMethod.Parameter.OUTPUT_STREAM);
            // The runtime ignores a stream method's return value.
            return new HandlerCall.StreamCall(
                    (in, out, context) -> method.invoke(instance, null, in, out, context), writesOutput);
        }
        Type eventType = method.eventType();
        Type resultType = method.method().getGenericReturnType();
        return new HandlerCall.EventCall(
                eventType == null ? null : serializer(eventType),
                isVoid(resultType) ? null : serializer(resultType),
                (event, context) -> method.invoke(
                        instance, event, InputStream.nullInputStream(), OutputStream.nullOutputStream(), context));
    }

    private PojoSerializer<Object> serializer(Type type) {
        try {
            return serializers.forType(type);
        } catch (RuntimeException e) {
            throw new HandlerLoadException("handler class " + handlerClass.getName() + " for function " + functionName
                    + " uses type " + type.getTypeName() + ", which the Lambda runtime's serializer cannot handle ("
                    + HandlerLoader.describe(e) + "); use a POJO, Map, List, String, number or Lambda event type", e);
        }
    }

    private static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    private static Type[] erasedToObject(Type @Nullable [] types) {
        if (types == null || types.length != 2) {
            return new Type[] {Object.class, Object.class};
        }
        Type[] usable = types.clone();
        for (int i = 0; i < usable.length; i++) {
            if (RequestHandlerTypes.isUnbounded(usable[i])) {
                usable[i] = Object.class;
            }
        }
        return usable;
    }
}
