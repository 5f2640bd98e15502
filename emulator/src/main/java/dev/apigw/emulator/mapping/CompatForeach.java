package dev.apigw.emulator.mapping;

import java.io.IOException;
import java.io.Writer;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.Foreach;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.runtime.parser.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * {@code #foreach} as in Velocity 1.7: besides {@code $foreach.count} / {@code $foreach.hasNext} it keeps the 1.7
 * loop variables {@code $velocityCount} (from 1) and {@code $velocityHasNext}, which older AWS templates use, and a
 * null element clears the loop variable (so it renders as nothing) instead of keeping the previous element. The
 * 1000-iteration cap is the engine setting {@code directive.foreach.max_loops}. Public only because Velocity
 * instantiates directives by class.
 */
public final class CompatForeach extends Foreach {
    private static final String COUNT = "velocityCount";
    private static final String HAS_NEXT = "velocityHasNext";

    @Override
    public boolean render(InternalContextAdapter context, Writer writer, Node node) throws IOException {
        Object count = context.get(COUNT);
        Object hasNext = context.get(HAS_NEXT);
        try {
            return super.render(context, writer, node);
        } finally {
            restore(context, COUNT, count);
            restore(context, HAS_NEXT, hasNext);
        }
    }

    @Override
    protected void put(InternalContextAdapter context, String key, @Nullable Object value) {
        if (value == null) {
            context.remove(key);
        } else {
            context.put(key, value);
        }
    }

    @Override
    protected void renderBlock(InternalContextAdapter context, Writer writer, Node block) throws IOException {
        if (context.get(getScopeName()) instanceof ForeachScope scope) {
            context.put(COUNT, scope.getCount());
            context.put(HAS_NEXT, scope.hasNext());
        }
        super.renderBlock(context, writer, block);
    }

    private static void restore(InternalContextAdapter context, String key, @Nullable Object saved) {
        if (saved == null) {
            context.remove(key);
        } else {
            context.put(key, saved);
        }
    }
}
