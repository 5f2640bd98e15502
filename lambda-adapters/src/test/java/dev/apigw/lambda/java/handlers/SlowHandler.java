package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps {"millis": n} before answering; an interrupt ends the sleep, as it should. */
public class SlowHandler implements RequestHandler<Map<String, Integer>, String> {

    @Override
    public String handleRequest(Map<String, Integer> event, Context context) {
        try {
            Thread.sleep(event.get("millis"));
            return "done";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
