package dev.apigw.emulator.mapping;

import java.io.IOException;
import java.io.Writer;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.Evaluate;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * {@code #evaluate} nested at most {@link RenderBudget#MAX_EVALUATE_DEPTH} deep, each one a step of the render's
 * budget: {@code #set($t = '#evaluate($t)')#evaluate($t)} would otherwise recurse until the thread's stack overflows.
 * Public only because Velocity instantiates directives by class.
 */
public final class BoundedEvaluate extends Evaluate {
    @Override
    public boolean render(InternalContextAdapter context, Writer writer, Node node) throws IOException {
        RenderBudget budget = RenderBudget.of(context);
        if (budget == null) {
            return super.render(context, writer, node);
        }
        budget.enterEvaluate();
        try {
            return super.render(context, writer, node);
        } finally {
            budget.exitEvaluate();
        }
    }
}
