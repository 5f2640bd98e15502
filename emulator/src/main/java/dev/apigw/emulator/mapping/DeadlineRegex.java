package dev.apigw.emulator.mapping;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The regular-expression methods of {@code String} ({@code matches}, {@code replaceAll}, {@code replaceFirst},
 * {@code split}), run the way the JDK runs them but over text that checks the render's deadline as the matcher reads
 * it: a pattern that backtracks for minutes ({@code $s.matches('(.*a){12}b')} on forty {@code a}s) ends with the
 * render's time bound instead of holding the request thread.
 */
final class DeadlineRegex {
    private DeadlineRegex() {}

    /** The method's result, or empty when it is not one of these methods with these argument types. */
    static Optional<Object> call(String method, String text, Object[] args, RenderBudget budget) {
        if (args.length == 0 || !(args[0] instanceof String regex)) {
            return Optional.empty();
        }
        CharSequence timed = new TimedText(text, budget);
        return switch (method) {
            case "matches" -> args.length == 1 ? Optional.of(Pattern.matches(regex, timed)) : Optional.empty();
            case "replaceAll" -> args.length == 2 && args[1] instanceof String replacement
                    ? Optional.of(Pattern.compile(regex).matcher(timed).replaceAll(replacement)) : Optional.empty();
            case "replaceFirst" -> args.length == 2 && args[1] instanceof String replacement
                    ? Optional.of(Pattern.compile(regex).matcher(timed).replaceFirst(replacement)) : Optional.empty();
            // String.split(regex, limit) is documented as Pattern.compile(regex).split(text, limit).
            case "split" -> args.length == 1 ? Optional.of(Pattern.compile(regex).split(timed, 0))
                    : args.length == 2 && args[1] instanceof Integer limit
                    ? Optional.of(Pattern.compile(regex).split(timed, limit)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The text, reading the clock every 4,096 characters the matcher looks at. */
    private static final class TimedText implements CharSequence {
        private final String text;
        private final RenderBudget budget;
        private int reads;

        TimedText(String text, RenderBudget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 4095) == 0) {
                budget.checkDeadline();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
