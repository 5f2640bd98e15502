package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Its constructor fails, as one that cannot reach its database would. */
public class BrokenConstructorHandler implements RequestHandler<String, String> {

    public BrokenConstructorHandler() {
        throw new IllegalStateException("no database");
    }

    @Override
    public String handleRequest(String event, Context context) {
        return event;
    }
}
