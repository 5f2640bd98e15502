package dev.apigw.importer.fuzz;

/**
 * One change to a spec's text, after it was written out: {@code position} and {@code length} are taken modulo the
 * text's length, so every value lands somewhere.
 */
record TextMutation(Kind kind, int position, int length, String text) {

    enum Kind { TRUNCATE, INSERT, DELETE, DUPLICATE_LINE, SWAP_LINES, INDENT }

    String applyTo(String spec) {
        if (spec.isEmpty()) {
            return text;
        }
        int at = Math.floorMod(position, spec.length());
        int end = Math.min(spec.length(), at + Math.floorMod(length, 200));
        return switch (kind) {
            case TRUNCATE -> spec.substring(0, at);
            case INSERT -> spec.substring(0, at) + text + spec.substring(at);
            case DELETE -> spec.substring(0, at) + spec.substring(end);
            case DUPLICATE_LINE -> {
                String line = line(spec, at);
                yield spec.substring(0, lineStart(spec, at)) + line + line + spec.substring(lineEnd(spec, at));
            }
            case SWAP_LINES -> {
                int next = lineEnd(spec, at);
                if (next >= spec.length()) {
                    yield spec;
                }
                yield spec.substring(0, lineStart(spec, at)) + line(spec, next) + line(spec, at)
                        + spec.substring(lineEnd(spec, next));
            }
            case INDENT -> spec.substring(0, lineStart(spec, at)) + " ".repeat(1 + Math.floorMod(length, 5))
                    + spec.substring(lineStart(spec, at));
        };
    }

    private static String line(String spec, int at) {
        return spec.substring(lineStart(spec, at), lineEnd(spec, at));
    }

    private static int lineStart(String spec, int at) {
        return spec.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    }

    /** Just after the line's newline (or the end of the text). */
    private static int lineEnd(String spec, int at) {
        int newline = spec.indexOf('\n', at);
        return newline < 0 ? spec.length() : newline + 1;
    }
}
