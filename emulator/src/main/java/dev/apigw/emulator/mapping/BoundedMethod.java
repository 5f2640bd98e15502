package dev.apigw.emulator.mapping;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.velocity.util.introspection.VelMethod;
import org.jspecify.annotations.Nullable;

/**
 * A method a template calls, held to the render's {@link RenderBudget}: {@code "x".repeat(2000000000)} is refused
 * before it allocates, a string, list, map or array it returns (or a list or map it grows, as
 * {@code $list.addAll($list)} does) must stay within the bounds, a regular expression runs on the render's deadline
 * ({@link DeadlineRegex}), and a single call that still runs out of memory fails the template instead of the request
 * thread.
 */
record BoundedMethod(VelMethod method) implements VelMethod {

    @Override
    public @Nullable Object invoke(Object target, Object[] args) throws IllegalAccessException,
            InvocationTargetException {
        // Found through the render's thread: a method is resolved once per template and shared by all its renders.
        RenderBudget budget = RenderBudget.current();
        if (budget == null) {
            return method.invoke(target, args);
        }
        if (target instanceof String text && method.getMethodName().equals("repeat") && args.length == 1
                && args[0] instanceof Number count) {
            budget.text((long) text.length() * Math.max(0, count.longValue()), "a repeated string");
        }
        Object result;
        try {
            Optional<Object> regex = target instanceof String text && method.getMethod() != null
                    && method.getMethod().getDeclaringClass() == String.class
                    ? regex(text, args, budget) : Optional.empty();
            result = regex.isPresent() ? regex.get() : method.invoke(target, args);
        } catch (OutOfMemoryError e) {
            throw budget.exceeded("ran out of memory in " + method.getMethodName() + "()");
        }
        check(budget, result, "the result of " + method.getMethodName() + "()");
        if (target instanceof Collection<?> || target instanceof Map<?, ?>) {
            check(budget, target, "the value " + method.getMethodName() + "() changed");
        }
        return result;
    }

    /** A String regex method on the deadline; what it throws reaches Velocity as the JDK method's would. */
    private Optional<Object> regex(String text, Object[] args, RenderBudget budget) throws InvocationTargetException {
        try {
            return DeadlineRegex.call(method.getMethodName(), text, args, budget);
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvocationTargetException(e);
        }
    }

    private static void check(RenderBudget budget, @Nullable Object value, String what) {
        if (value instanceof CharSequence text) {
            budget.text(text.length(), what);
        } else if (value instanceof Collection<?> collection) {
            budget.elements(collection.size(), what);
        } else if (value instanceof Map<?, ?> map) {
            budget.elements(map.size(), what);
        } else if (value != null && value.getClass().isArray()) {
            budget.elements(Array.getLength(value), what);
        }
    }

    @Override
    public boolean isCacheable() {
        return method.isCacheable();
    }

    @Override
    public String getMethodName() {
        return method.getMethodName();
    }

    @Override
    public Method getMethod() {
        return method.getMethod();
    }

    @Override
    public Class<?> getReturnType() {
        return method.getReturnType();
    }
}
