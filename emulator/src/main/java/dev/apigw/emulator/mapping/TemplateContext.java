package dev.apigw.emulator.mapping;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.util.introspection.IntrospectionCacheData;
import org.jspecify.annotations.Nullable;

/**
 * The variables of one render. Like Velocity 1.7, which AWS's templates behave like, {@code #set($x = <null>)}
 * leaves {@code $x} as it was (1.7's default {@code directive.set.null.allowed = false}); Velocity 2 would clear it.
 * Loops clear their variable for a null element themselves ({@link CompatForeach}). Introspection results go to the
 * template's {@link IntrospectionCache}, shared by all its renders; the variables themselves are this render's own.
 */
final class TemplateContext extends VelocityContext {
    private static final long serialVersionUID = 1L;

    private final transient IntrospectionCache introspection;
    private final transient RenderBudget budget;

    TemplateContext(IntrospectionCache introspection, RenderBudget budget) {
        this.introspection = introspection;
        this.budget = budget;
    }

    RenderBudget budget() {
        return budget;
    }

    @Override
    public @Nullable Object internalPut(String key, @Nullable Object value) {
        return value == null ? internalGet(key) : super.internalPut(key, value);
    }

    @Override
    public @Nullable IntrospectionCacheData icacheGet(Object key) {
        IntrospectionCacheData shared = introspection.get(key);
        return shared != null ? shared : super.icacheGet(key);
    }

    /**
     * Resolved getters and methods go to the shared cache. Velocity also stores per-render markers here (an empty
     * entry, or null to clear it, meaning "this method call resolved before"); those stay in this render's context.
     */
    @Override
    public void icachePut(Object key, @Nullable IntrospectionCacheData data) {
        boolean resolved = data != null && data.thingy != null;
        if (!resolved || !introspection.offer(key, data)) {
            super.icachePut(key, data);
        }
    }
}
