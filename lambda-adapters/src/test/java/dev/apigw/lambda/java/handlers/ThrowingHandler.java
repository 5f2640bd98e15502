package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Fails the way the event asks: {"kind": "exception" | "error" | "no-message"}. */
public class ThrowingHandler implements RequestHandler<Map<String, String>, String> {

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        switch (event.get("kind")) {
            case "exception" -> throw new IllegalStateException("pet store is closed"); // line 13, asserted in tests
            case "error" -> throw new AssertionError("invariant broken");
            case "no-message" -> throw new UnsupportedOperationException();
            default -> {
                return "did not throw";
            }
        }
    }
}
