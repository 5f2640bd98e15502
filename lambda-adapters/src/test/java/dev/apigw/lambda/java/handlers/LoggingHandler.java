package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;

/** Logs through context.getLogger(), the way Lambda's Java examples do. */
public class LoggingHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String message, Context context) {
        context.getLogger().log("received " + message + "\n");
        context.getLogger().log(("bytes " + message).getBytes(StandardCharsets.UTF_8));
        context.getLogger().log("careful " + message, LogLevel.WARN);
        return "logged";
    }
}
