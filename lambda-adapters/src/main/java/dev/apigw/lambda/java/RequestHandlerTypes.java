package dev.apigw.lambda.java;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code <I, O>} of {@code RequestHandler<I, O>} for a handler class as the Java runtime's
 * {@code EventHandlerLoader.findInterfaceParameters} does: breadth-first over interfaces, then the superclass,
 * resolving type variables bound on the way ({@code class GetPet extends BaseHandler<Pet>}).
 *
 * <p>Like the runtime, the first parameterized interface that is a {@code RequestHandler} (or extends it) supplies the
 * type arguments, even when it is a sub-interface with its own parameters.
 */
final class RequestHandlerTypes {

    private RequestHandlerTypes() {}

    /** The type arguments found, or null when the class never names them (a raw type or a lambda). */
    static Type @Nullable [] of(Class<?> handlerClass) {
        Deque<Visit> queue = new ArrayDeque<>();
        queue.add(new Visit(handlerClass, null));
        while (!queue.isEmpty()) {
            Visit visit = queue.removeFirst();
            for (Type type : visit.type().getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized
                        && RequestHandler.class.isAssignableFrom(rawClass(parameterized))) {
                    return visit.resolve(parameterized.getActualTypeArguments());
                }
                queue.addLast(visit.next(type));
            }
            Type superclass = visit.type().getGenericSuperclass();
            if (superclass != null) {
                queue.addLast(visit.next(superclass));
            }
        }
        return null;
    }

    /** A type variable the class leaves open with no bound but Object, which no serializer can target. */
    static @Nullable TypeVariable<?> unbounded(Type[] types) {
        for (Type type : types) {
            if (isUnbounded(type)) {
                return (TypeVariable<?>) type;
            }
        }
        return null;
    }

    static boolean isUnbounded(Type type) {
        return type instanceof TypeVariable<?> variable
                && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals);
    }

    private static Class<?> rawClass(ParameterizedType type) {
        return (Class<?>) type.getRawType();
    }

    /** One class in the walk, with the actual types of its own type parameters when known. */
    private record Visit(Class<?> type, Type @Nullable [] arguments) {

        Visit next(Type supertype) {
            if (supertype instanceof ParameterizedType parameterized) {
                return new Visit(rawClass(parameterized), resolve(parameterized.getActualTypeArguments()));
            }
            return new Visit((Class<?>) supertype, null);
        }

        Type[] resolve(Type[] types) {
            Type[] resolved = types.clone();
            TypeVariable<?>[] parameters = type.getTypeParameters();
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] instanceof TypeVariable<?> variable && arguments != null) {
                    for (int p = 0; p < parameters.length; p++) {
                        if (parameters[p].getName().equals(variable.getName())) {
                            resolved[i] = arguments[p];
                        }
                    }
                }
            }
            return resolved;
        }
    }
}
