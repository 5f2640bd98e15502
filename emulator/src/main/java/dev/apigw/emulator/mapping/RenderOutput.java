package dev.apigw.emulator.mapping;

import java.io.Writer;

/**
 * Where a render writes: a plain StringBuilder, sized from the template's previous output. StringWriter's
 * synchronised StringBuffer growing from 16 characters was a tenth of a render's allocation (issue 8).
 */
final class RenderOutput extends Writer {
    private final StringBuilder text;

    RenderOutput(int expectedChars) {
        text = new StringBuilder(expectedChars);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
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
