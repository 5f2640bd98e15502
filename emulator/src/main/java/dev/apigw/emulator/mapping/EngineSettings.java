package dev.apigw.emulator.mapping;

import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.slf4j.helpers.NOPLogger;

/**
 * The Velocity engine configured the way API Gateway's behaves. AWS runs a Velocity 1.7-era engine, so every place
 * where Velocity 2's defaults differ from 1.7 is set back to 1.7 (each line says why); the rest is AWS's documented
 * limits and a locked-down introspector. Checked against Velocity 1.7 itself on the template corpus.
 */
final class EngineSettings {
    /** AWS: "#foreach loop: 1000 iterations" (AWS-REFERENCE 6.6). */
    static final int MAX_FOREACH_LOOPS = 1000;

    private EngineSettings() {}

    /** A new, initialised engine; one per {@link MappingTemplates}, so gateways never share state. */
    static RuntimeInstance newEngine() {
        RuntimeInstance engine = new MappingEngine();
        // Template problems surface as TemplateException; Velocity's own chatter (null comparisons …) stays quiet.
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_INSTANCE, NOPLogger.NOP_LOGGER);
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, false);
        // 1.7 whitespace: a #set line loses its indentation and newline, other directives their trailing newline.
        engine.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
        // 1.7 read $a-b as one reference named a-b (Velocity 2 reads it as a minus).
        engine.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, true);
        // 1.7: #if is false only for null and false; "", 0 and [] are true (Velocity 2 also tests emptiness).
        engine.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, false);
        // AWS's limit; a longer loop stops silently after 1000 iterations, as Velocity's max_loops does (unconfirmed).
        engine.setProperty(RuntimeConstants.MAX_NUMBER_LOOPS, MAX_FOREACH_LOOPS);
        // 1.7 did not convert method arguments ($util.escapeJavaScript(5) finds no method, as in 1.7).
        engine.setProperty(RuntimeConstants.CONVERSION_HANDLER_CLASS, "none");
        // 1.7 macro semantics (arguments passed by name, global fallback).
        engine.setProperty(RuntimeConstants.VM_ENABLE_BC_MODE, true);
        // A #macro belongs to its template; one API's template never sees another's (no AWS-visible effect).
        engine.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, true);
        // Only the values AWS templates reach can be called; no getClass(), no reflection.
        engine.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, TemplateUberspector.class.getName());
        // AWS renders a reference without a value as nothing.
        engine.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, EmptyNullRendering.class.getName());
        // #foreach with 1.7's $velocityCount / $velocityHasNext; #evaluate nested at most 20 deep (RenderBudget).
        engine.setProperty(RuntimeConstants.CUSTOM_DIRECTIVES,
                CompatForeach.class.getName() + "," + BoundedEvaluate.class.getName());
        // Recursion ends with an error: a macro calling itself at most 20 deep (Velocity's default, said here as the
        // bound apigw relies on), a #define referring to itself at most twice.
        engine.setProperty(RuntimeConstants.VM_MAX_DEPTH, 20);
        engine.setProperty(RuntimeConstants.DEFINE_DIRECTIVE_MAXDEPTH, 2);
        // #include / #parse find nothing: a template cannot read the host's files.
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "none");
        engine.setProperty(RuntimeConstants.RESOURCE_LOADER + ".none." + RuntimeConstants.RESOURCE_LOADER_INSTANCE,
                new NoResourceLoader());
        engine.init();
        return engine;
    }
}
