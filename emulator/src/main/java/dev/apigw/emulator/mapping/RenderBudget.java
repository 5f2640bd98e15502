package dev.apigw.emulator.mapping;

import org.apache.velocity.context.Context;
import org.apache.velocity.context.InternalContextAdapter;
import org.jspecify.annotations.Nullable;

/**
 * What one render may spend, so that no template can hang a request thread or fill the heap. AWS documents only the
 * 300 KB template and the 1,000 iterations of one {@code #foreach}; these are apigw's own bounds, and a template over
 * one fails as any failing template does (a 500 on REST). Each exceeded bound throws a {@link TemplateException} that
 * names the template and the bound.
 *
 * <ul>
 *   <li>output and any one string: at most 16 M characters, room for API Gateway's 10 MB payload limit even as the
 *       base64 text a template sees for a binary payload;
 *   <li>work: at most 2,000,000 block runs (loop bodies, macro calls, {@code #if} branches, {@code #evaluate}s) and
 *       10 seconds per render, so nested loops ({@code 1000³}) and macro fan-out end (two nested
 *       loops of 1,000 still run);
 *   <li>collections and integer ranges: at most 1,000,000 elements;
 *   <li>{@code #evaluate} nested at most 20 deep, like Velocity's macro depth.
 * </ul>
 *
 * One budget per render, held by its {@link TemplateContext} and, for the duration of the render, by its thread
 * (for {@link BoundedMethod}, which is shared by all renders of a template); not thread-safe, as a render runs on one
 * thread.
 */
final class RenderBudget {
    private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

    static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
    static final int MAX_ELEMENTS = 1_000_000;
    static final long MAX_STEPS = 2_000_000;
    static final long MAX_NANOS = 10_000_000_000L;
    static final int MAX_EVALUATE_DEPTH = 20;
    /** Characters reference insertions may produce in one render (interpolated strings included): twice the output. */
    static final long MAX_INSERTED_CHARS = 2L * MAX_TEXT_CHARS;

    private final String location;
    private final long deadline;
    private long steps;
    private long inserted;
    private int evaluateDepth;

    RenderBudget(String location) {
        this.location = location;
        this.deadline = System.nanoTime() + MAX_NANOS;
    }

    /** The budget of the render {@code context} belongs to, or null outside a render (Velocity's own init). */
    static @Nullable RenderBudget of(@Nullable Context context) {
        Context user = context instanceof InternalContextAdapter adapter ? adapter.getInternalUserContext() : context;
        return user instanceof TemplateContext variables ? variables.budget() : null;
    }

    /** The budget of the render running on this thread, if any. */
    static @Nullable RenderBudget current() {
        return CURRENT.get();
    }

    /** Makes this the thread's current budget until the returned handle is closed (at the end of the render). */
    Scope enter() {
        RenderBudget previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    /** The time a budget is its thread's current one. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** One block run; the clock is read every 1,024 steps (cheap enough for the hot loop). */
    void step() {
        steps++;
        if (steps > MAX_STEPS) {
            throw exceeded("runs more than " + MAX_STEPS + " loop bodies, macro calls and branches");
        }
        if ((steps & 1023) == 0) {
            checkDeadline();
        }
    }

    void checkDeadline() {
        if (System.nanoTime() - deadline > 0) {
            throw exceeded("did not finish within " + MAX_NANOS / 1_000_000_000L + " seconds");
        }
    }

    /** A reference's text goes into the output or into an interpolated string. */
    void inserted(CharSequence text) {
        text(text.length(), "a value");
        inserted += text.length();
        if (inserted > MAX_INSERTED_CHARS) {
            throw exceeded("builds more than " + MAX_INSERTED_CHARS + " characters of text from its references");
        }
    }

    /** A string the template made (or is about to make) of {@code length} characters. */
    void text(long length, String what) {
        if (length > MAX_TEXT_CHARS) {
            throw exceeded("makes " + what + " of " + length + " characters; at most " + MAX_TEXT_CHARS
                    + " are allowed");
        }
    }

    /** A list, map, array or range of {@code size} elements. */
    void elements(long size, String what) {
        if (size > MAX_ELEMENTS) {
            throw exceeded("makes " + what + " of " + size + " elements; at most " + MAX_ELEMENTS + " are allowed");
        }
    }

    void output(int length) {
        if (length > MAX_TEXT_CHARS) {
            throw exceeded("renders more than " + MAX_TEXT_CHARS + " characters");
        }
    }

    void enterEvaluate() {
        step();
        if (++evaluateDepth > MAX_EVALUATE_DEPTH) {
            throw exceeded("nests #evaluate more than " + MAX_EVALUATE_DEPTH + " deep");
        }
    }

    void exitEvaluate() {
        evaluateDepth--;
    }

    TemplateException exceeded(String what) {
        return new TemplateException(location + ": the template " + what + ". Make it do less per request.");
    }
}
