package dev.apigw.emulator.mapping;

import org.apache.velocity.VelocityContext;
import org.jspecify.annotations.Nullable;

/**
 * The variables of one render. Like Velocity 1.7, which AWS's templates behave like, {@code #set($x = <null>)}
 * leaves {@code $x} as it was (1.7's default {@code directive.set.null.allowed = false}); Velocity 2 would clear it.
 * Loops clear their variable for a null element themselves ({@link CompatForeach}).
 */
final class TemplateContext extends VelocityContext {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable Object internalPut(String key, @Nullable Object value) {
        return value == null ? internalGet(key) : super.internalPut(key, value);
    }
}
