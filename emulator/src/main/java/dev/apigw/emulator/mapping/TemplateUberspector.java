package dev.apigw.emulator.mapping;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;
import org.jspecify.annotations.Nullable;

/**
 * What a template may call: only methods and properties of the values AWS templates work with — strings, numbers,
 * booleans, maps, lists and other collections, arrays, {@code $input} and {@code $util} — and never
 * {@code getClass()}, so {@code $input.getClass().forName(...)}, {@code $util.class.classLoader} and the like resolve
 * to nothing and render as empty text. Anything else a method returns is inert: it can be printed, not called. Every
 * call is held to the render's budget ({@link BoundedMethod}).
 * Public only because Velocity instantiates its uberspector by class name.
 */
public final class TemplateUberspector extends UberspectImpl {
    /** {@code Object}'s reflective and monitor methods. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");

    /** Static JDK getters that read system properties ({@code Boolean.getBoolean}, {@code Integer.getInteger} …). */
    private static final Set<String> SYSTEM_PROPERTY_GETTERS = Set.of("getBoolean", "getInteger", "getLong");

    @Override
    public @Nullable VelMethod getMethod(@Nullable Object target, String name, Object[] args, Info info) {
        if (!allowed(target) || OBJECT_METHODS.contains(name)) {
            return null;
        }
        VelMethod method = super.getMethod(target, name, args, info);
        return method == null || forbidden(method.getMethod()) ? null : new BoundedMethod(method);
    }

    @Override
    public @Nullable VelPropertyGet getPropertyGet(@Nullable Object target, String identifier, Info info) {
        if (!allowed(target) || identifier.equals("class") || OBJECT_METHODS.contains(identifier)) {
            return null;
        }
        // A property resolves to a getter; the ones Object has ($input.getClass as a property: found by the fuzzer)
        // are refused like the methods themselves.
        VelPropertyGet getter = super.getPropertyGet(target, identifier, info);
        return getter == null || OBJECT_METHODS.contains(getter.getMethodName()) ? null : getter;
    }

    @Override
    public @Nullable VelPropertySet getPropertySet(
            @Nullable Object target, String identifier, @Nullable Object value, Info info) {
        // Velocity 1.7 (AWS) skipped #set($map.key = <null>) entirely; Velocity 2 would store the null.
        if (!allowed(target) || identifier.equals("class") || value == null) {
            return null;
        }
        return super.getPropertySet(target, identifier, value, info);
    }

    @Override
    public @Nullable Iterator<?> getIterator(@Nullable Object target, Info info) {
        return allowed(target) ? super.getIterator(target, info) : null;
    }

    private static boolean allowed(@Nullable Object target) {
        if (target == null) {
            return false;
        }
        Class<?> type = target.getClass();
        return target instanceof String
                || target instanceof Number && type.getName().startsWith("java.")
                || target instanceof Boolean
                || target instanceof Character
                || target instanceof Map
                || target instanceof Collection
                || target instanceof Iterator
                || target instanceof Map.Entry
                || type.isArray()
                || target instanceof InputVariable
                || target instanceof UtilVariable;
    }

    private static boolean forbidden(@Nullable Method method) {
        return method != null
                && (OBJECT_METHODS.contains(method.getName())
                        || Modifier.isStatic(method.getModifiers())
                                && SYSTEM_PROPERTY_GETTERS.contains(method.getName()));
    }
}
