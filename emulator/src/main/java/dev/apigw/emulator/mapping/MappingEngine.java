package dev.apigw.emulator.mapping;

import java.io.Reader;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Velocity's engine, rewriting every tree it parses: a mapping template's, and also the text an {@code #evaluate}
 * parses while rendering, which would otherwise escape the rewrites (AWS's null equality, the render budget).
 */
final class MappingEngine extends RuntimeInstance {
    @Override
    public SimpleNode parse(Reader reader, Template template) throws ParseException {
        SimpleNode tree = super.parse(reader, template);
        NullAsEmptyEquality.rewrite(tree);
        BoundedNodes.rewrite(tree);
        return tree;
    }
}
