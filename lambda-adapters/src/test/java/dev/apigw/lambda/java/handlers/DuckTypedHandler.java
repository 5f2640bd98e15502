package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/** Has a handleRequest method but implements no Lambda interface. */
public class DuckTypedHandler {

    public String handleRequest(Map<String, Object> event, Context context) {
        return "quack " + event.get("name");
    }
}
