package dev.apigw.emulator.mapping;

import java.io.Writer;

/**
 * Where a render writes: a plain StringBuilder, sized from the template's previous output. StringWriter's
 * synchronised StringBuffer growing from 16 characters was a tenth of a render's allocation (issue 8). Every write
 * is held to the render's {@link RenderBudget} output bound before it grows the buffer.
 */
final class RenderOutput extends Writer {
    private final StringBuilder text;
    private final RenderBudget budget;

    RenderOutput(int expectedChars, RenderBudget budget) {
        text = new StringBuilder(expectedChars);
        this.budget = budget;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        budget.output(text.length() + length);
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        budget.output(text.length() + string.length());
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        budget.output(text.length() + length);
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        budget.output(text.length() + 1);
        text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
