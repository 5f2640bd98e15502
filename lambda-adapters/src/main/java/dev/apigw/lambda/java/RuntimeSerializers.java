package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Picks the payload serializer for a handler's input or output type exactly as the Java runtime's
 * {@code EventHandlerLoader.getSerializer} does, using the same aws-lambda-java-serialization library:
 * <ol>
 *   <li>a {@code CustomPojoSerializer} registered in the function's {@code META-INF/services}, for every type;
 *   <li>for the event classes the library lists ({@code LambdaEventSerializers.isLambdaSupportedEvent}, e.g.
 *       {@code APIGatewayProxyRequestEvent}, but not {@code APIGatewayV2HTTPEvent}), its event serializer with mixins;
 *   <li>otherwise its Jackson POJO serializer ({@code JacksonFactory}), for POJOs, maps, lists, strings and numbers.
 * </ol>
 * (The runtime uses Gson only for clients that say they are Android, which an API Gateway call never does.)
 */
final class RuntimeSerializers {

    private final ClassLoader functionLoader;
    private final @Nullable CustomPojoSerializer custom;

    private RuntimeSerializers(ClassLoader functionLoader, @Nullable CustomPojoSerializer custom) {
        this.functionLoader = functionLoader;
        this.custom = custom;
    }

    /**
     * The serializers of one function; throws {@link IllegalStateException} when the function registers more than
     * one {@code CustomPojoSerializer}, which the runtime rejects too.
     */
    static RuntimeSerializers of(ClassLoader functionLoader) {
        Iterator<CustomPojoSerializer> found =
                ServiceLoader.load(CustomPojoSerializer.class, functionLoader).iterator();
        CustomPojoSerializer custom = found.hasNext() ? found.next() : null;
        if (found.hasNext()) {
            throw new IllegalStateException("more than one CustomPojoSerializer is registered in META-INF/services");
        }
        return new RuntimeSerializers(functionLoader, custom);
    }

    @SuppressWarnings({"unchecked", "deprecation"}) // JacksonFactory is what the runtime itself still calls
    PojoSerializer<Object> forType(Type type) {
        if (custom != null) {
            return new CustomSerializer(custom, type);
        }
        if (type instanceof Class<?> eventClass
                && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** Adapts the function's own serializer, as the runtime's {@code PojoSerializerLoader} does. */
    private record CustomSerializer(CustomPojoSerializer serializer, Type type) implements PojoSerializer<Object> {
        @Override
        public Object fromJson(InputStream input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public Object fromJson(String input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            serializer.toJson(value, output, type);
        }
    }
}
