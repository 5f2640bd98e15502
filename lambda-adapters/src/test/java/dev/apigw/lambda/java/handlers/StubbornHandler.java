package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Busy for {"millis": n}, ignoring interrupts: the kind of handler apigw reports as stuck after a timeout. */
public class StubbornHandler implements RequestHandler<Map<String, Integer>, String> {

    @Override
    public String handleRequest(Map<String, Integer> event, Context context) {
        long until = System.nanoTime() + event.get("millis") * 1_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return "finally done";
    }
}
