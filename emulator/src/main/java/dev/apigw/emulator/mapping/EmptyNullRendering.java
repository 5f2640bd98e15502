package dev.apigw.emulator.mapping;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.jspecify.annotations.Nullable;

/**
 * AWS renders a reference without a value as nothing: {@code $missing}, {@code $missing.x} and a null
 * {@code $input.path(...)} print as empty text where stock Velocity prints the reference itself (AWS-REFERENCE 6.2)
 * [S test_input_path_template_formatting]. Every inserted text also counts against the render's
 * {@link RenderBudget}, also inside interpolated strings ({@code #set($a = "$a$a")}), which never reach the output.
 * Public only because Velocity instantiates it by class name.
 */
public final class EmptyNullRendering implements ReferenceInsertionEventHandler {
    @Override
    public Object referenceInsert(Context context, String reference, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        RenderBudget budget = RenderBudget.of(context);
        if (budget != null && value instanceof CharSequence text) {
            budget.inserted(text);
        }
        return value;
    }
}
