package dev.apigw.emulator.server;

import io.javalin.http.Context;

/**
 * Marks a request some handler has answered, so that Javalin's 404 fallback (which also runs after a handler that
 * answered 404 itself, such as the Lambda Invoke API's {@code ResourceNotFoundException}) leaves the answer alone.
 */
public final class AnsweredRequests {
    private static final String ATTRIBUTE = "apigw.answered";

    private AnsweredRequests() {}

    public static void mark(Context ctx) {
        ctx.attribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isAnswered(Context ctx) {
        return ctx.attribute(ATTRIBUTE) != null;
    }
}
