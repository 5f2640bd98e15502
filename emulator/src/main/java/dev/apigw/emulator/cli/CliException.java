package dev.apigw.emulator.cli;

/** A user error on the command line: one sentence saying what is wrong, and a hint saying what to do. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    CliException(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
