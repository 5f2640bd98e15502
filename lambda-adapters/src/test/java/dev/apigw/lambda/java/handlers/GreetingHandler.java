package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Takes a JSON string, returns a JSON string. */
public class GreetingHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String name, Context context) {
        return "hello " + name;
    }
}
