package dev.apigw.emulator.mapping;

import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTBlock;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.jspecify.annotations.Nullable;

/**
 * Puts the {@link RenderBudget} into a parsed tree, since Velocity has no hook that runs for every loop body or macro
 * call: each block (the body of a {@code #foreach}, {@code #macro}, {@code #define}, or an {@code #if} branch) gets a
 * first child that counts one step, and each integer range ({@code [1..100000000]}, a list a template can keep and
 * pass on) is checked for its size when it is made.
 */
final class BoundedNodes {
    private BoundedNodes() {}

    /** Rewrites the tree below {@code node} in place; call it before the template is initialised. */
    static void rewrite(Node node) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Node child = node.jjtGetChild(i);
            if (child instanceof ASTIntegerRange range && !(child instanceof BoundedRange)) {
                child = BoundedRange.replacing(range);
                node.jjtAddChild(child, i);
                child.jjtSetParent(node);
            }
            rewrite(child);
        }
        if (node instanceof ASTBlock block
                && !(block.jjtGetNumChildren() > 0 && block.jjtGetChild(0) instanceof Step)) {
            prepend(block, new Step());
        }
    }

    private static void prepend(Node parent, Node first) {
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < parent.jjtGetNumChildren(); i++) {
            children.add(parent.jjtGetChild(i));
        }
        parent.jjtAddChild(first, 0);
        first.jjtSetParent(parent);
        for (int i = 0; i < children.size(); i++) {
            parent.jjtAddChild(children.get(i), i + 1);
        }
    }

    /** Renders nothing; counts one step of the render's budget each time its block runs. */
    static final class Step extends SimpleNode {
        Step() {
            super(0);
        }

        @Override
        public Object init(InternalContextAdapter context, Object data) {
            // No tokens of its own to set up (SimpleNode's init would read them).
            return data;
        }

        @Override
        public boolean render(InternalContextAdapter context, Writer writer) {
            RenderBudget budget = RenderBudget.of(context);
            if (budget != null) {
                budget.step();
            }
            return true;
        }

        @Override
        public String literal() {
            return "";
        }
    }

    /** {@code [from..to]} that refuses more elements than the budget allows instead of filling the heap. */
    static final class BoundedRange extends ASTIntegerRange {
        BoundedRange(int id) {
            super(id);
        }

        static BoundedRange replacing(ASTIntegerRange original) {
            BoundedRange range = new BoundedRange(original.getType());
            range.first = original.getFirstToken();
            range.last = original.getLastToken();
            range.template = original.getTemplate();
            range.parser = original.getParser();
            range.info = original.getInfo();
            for (int i = 0; i < original.jjtGetNumChildren(); i++) {
                range.jjtAddChild(original.jjtGetChild(i), i);
                original.jjtGetChild(i).jjtSetParent(range);
            }
            return range;
        }

        @Override
        public @Nullable Object value(InternalContextAdapter context) {
            Object from = jjtGetChild(0).value(context);
            Object to = jjtGetChild(1).value(context);
            if (!(from instanceof Number low) || !(to instanceof Number high)) {
                // Velocity's own answer for a range of non-numbers (it logs and renders nothing).
                return super.value(context);
            }
            int start = low.intValue();
            int end = high.intValue();
            RenderBudget budget = RenderBudget.of(context);
            if (budget != null) {
                budget.elements(Math.abs((long) end - start) + 1, "the range [" + start + ".." + end + "]");
            }
            long count = Math.abs((long) end - start) + 1;
            if (count > Integer.MAX_VALUE) {
                return super.value(context);
            }
            // As Velocity 2 makes it: a read-only list of every integer from start to end, counting down when end is
            // lower, whose elements are computed when read (a #foreach stops long before a large one is read).
            int step = start <= end ? 1 : -1;
            int size = (int) count;
            return new AbstractList<Integer>() {
                @Override
                public Integer get(int index) {
                    Objects.checkIndex(index, size);
                    return start + index * step;
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
