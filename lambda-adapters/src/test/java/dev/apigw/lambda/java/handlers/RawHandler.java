package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Implements the raw RequestHandler type, which the runtime rejects: it cannot tell the event type. */
@SuppressWarnings("rawtypes")
public class RawHandler implements RequestHandler {

    @Override
    public Object handleRequest(Object event, Context context) {
        return event;
    }
}
