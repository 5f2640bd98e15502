package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Has no zero-argument constructor, so the runtime cannot create it. */
public class ConfiguredHandler implements RequestHandler<String, String> {
    private final String prefix;

    public ConfiguredHandler(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String handleRequest(String event, Context context) {
        return prefix + event;
    }
}
