package dev.apigw.emulator.mapping;

import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.jspecify.annotations.Nullable;

/**
 * On AWS a value that is null (a missing {@code $input.path}, a JSON {@code null}) compares equal both to
 * {@code $null} and to {@code ""}, while stock Velocity says {@code null == ""} is false (AWS-REFERENCE 6.2)
 * [S test_input_path_template_formatting]. Velocity has no setting for this, so after parsing, every {@code ==} and
 * {@code !=} node of a template is swapped for one that also treats null as the empty string.
 */
final class NullAsEmptyEquality {
    private NullAsEmptyEquality() {}

    /** Rewrites the tree below {@code node} in place; call it before the template is initialised. */
    static void rewrite(Node node) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            Node child = node.jjtGetChild(i);
            Node replacement = child;
            if (child instanceof ASTNENode notEquals) {
                replacement = adopt(new NotEquals(notEquals.getType()), notEquals);
            } else if (child instanceof ASTEQNode equals) {
                replacement = adopt(new Equals(equals.getType()), equals);
            }
            if (replacement != child) {
                node.jjtAddChild(replacement, i);
                replacement.jjtSetParent(node);
            }
            rewrite(replacement);
        }
    }

    private static Node adopt(Copy copy, SimpleNode original) {
        copy.copyFrom(original);
        for (int i = 0; i < original.jjtGetNumChildren(); i++) {
            Node grandChild = original.jjtGetChild(i);
            ((Node) copy).jjtAddChild(grandChild, i);
            grandChild.jjtSetParent((Node) copy);
        }
        return (Node) copy;
    }

    static boolean nullEquals(@Nullable Object left, @Nullable Object right) {
        Object other = left == null ? right : left;
        return other == null || other instanceof String text && text.isEmpty();
    }

    private interface Copy {
        void copyFrom(SimpleNode original);
    }

    private static final class Equals extends ASTEQNode implements Copy {
        Equals(int id) {
            super(id);
        }

        @Override
        public void copyFrom(SimpleNode original) {
            first = original.getFirstToken();
            last = original.getLastToken();
            template = original.getTemplate();
            parser = original.getParser();
            info = original.getInfo();
        }

        @Override
        public boolean compareNull(@Nullable Object left, @Nullable Object right) {
            return super.compareNull(left, right) || nullEquals(left, right);
        }
    }

    private static final class NotEquals extends ASTNENode implements Copy {
        NotEquals(int id) {
            super(id);
        }

        @Override
        public void copyFrom(SimpleNode original) {
            first = original.getFirstToken();
            last = original.getLastToken();
            template = original.getTemplate();
            parser = original.getParser();
            info = original.getInfo();
        }

        @Override
        public boolean compareNull(@Nullable Object left, @Nullable Object right) {
            return super.compareNull(left, right) || nullEquals(left, right);
        }
    }
}
