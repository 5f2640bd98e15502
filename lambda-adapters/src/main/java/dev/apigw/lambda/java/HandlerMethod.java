package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A public handler method chosen among its overloads the way the Java runtime's {@code EventHandlerLoader} chooses:
 * non-bridge methods first, then longer signatures first, a trailing {@code Context} counting as one extra parameter;
 * the first overload with a supported signature wins. Supported signatures are {@code ()}, {@code (event)},
 * {@code (Context)}, {@code (event, Context)}, {@code (InputStream)}, {@code (OutputStream)},
 * {@code (InputStream, OutputStream)}, {@code (InputStream, Context)}, {@code (OutputStream, Context)} and
 * {@code (InputStream, OutputStream, Context)}, where an event is any type but those three.
 *
 * @param method the method to call (static or not)
 * @param parameters what to pass for each parameter
 * @param eventType the event parameter's generic type; null when the method takes no event
 */
record HandlerMethod(Method method, List<Parameter> parameters, @Nullable Type eventType) {

    /** What the runtime passes for one handler parameter. */
    enum Parameter {
        EVENT,
        CONTEXT,
        INPUT_STREAM,
        OUTPUT_STREAM
    }

    private static final Comparator<Method> RUNTIME_PRIORITY = Comparator.comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerMethod::weight).reversed());

    /** The overload of {@code name} the runtime would call, if any; {@code getMethods()} order breaks ties. */
    static Optional<HandlerMethod> select(Class<?> handlerClass, String name) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals(name))
                .sorted(RUNTIME_PRIORITY) // a stable sort, like the runtime's Arrays.sort
                .map(HandlerMethod::supported)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** A stream handler reads and writes the raw payload instead of having it (de)serialized. */
    boolean isStreamHandler() {
        return parameters.contains(Parameter.INPUT_STREAM) || parameters.contains(Parameter.OUTPUT_STREAM);
    }

    /** Calls the method, passing each parameter its argument and rethrowing what the method threw. */
    @Nullable Object invoke(
            @Nullable Object target, @Nullable Object event, InputStream in, OutputStream out, Context context)
            throws Throwable {
        Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (parameters.get(i)) {
                case EVENT -> event;
                case CONTEXT -> context;
                case INPUT_STREAM -> in;
                case OUTPUT_STREAM -> out;
            };
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    private static int weight(Method method) {
        Class<?>[] types = method.getParameterTypes();
        boolean endsWithContext = types.length > 0 && types[types.length - 1] == Context.class;
        return types.length + (endsWithContext ? 1 : 0);
    }

    private static Optional<HandlerMethod> supported(Method method) {
        Type[] types = method.getGenericParameterTypes();
        List<Parameter> kinds = Arrays.stream(types).map(HandlerMethod::kindOf).toList();
        if (!isSupported(kinds)) {
            return Optional.empty();
        }
        Type eventType = kinds.contains(Parameter.EVENT) ? types[kinds.indexOf(Parameter.EVENT)] : null;
        return Optional.of(new HandlerMethod(method, kinds, eventType));
    }

    private static boolean isSupported(List<Parameter> kinds) {
        return switch (kinds.size()) {
            case 0, 1 -> true;
            case 2 -> isSupportedPair(kinds.get(0), kinds.get(1));
            case 3 -> kinds.equals(List.of(Parameter.INPUT_STREAM, Parameter.OUTPUT_STREAM, Parameter.CONTEXT));
            default -> false;
        };
    }

    private static boolean isSupportedPair(Parameter first, Parameter second) {
        return switch (first) {
            case EVENT, OUTPUT_STREAM -> second == Parameter.CONTEXT;
            case INPUT_STREAM -> second == Parameter.OUTPUT_STREAM || second == Parameter.CONTEXT;
            case CONTEXT -> false;
        };
    }

    private static Parameter kindOf(Type type) {
        if (type == Context.class) {
            return Parameter.CONTEXT;
        }
        if (type == InputStream.class) {
            return Parameter.INPUT_STREAM;
        }
        return type == OutputStream.class ? Parameter.OUTPUT_STREAM : Parameter.EVENT;
    }
}
