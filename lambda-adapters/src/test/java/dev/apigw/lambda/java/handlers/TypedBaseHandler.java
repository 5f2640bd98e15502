package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A base class that leaves the event type to its subclasses. */
public abstract class TypedBaseHandler<T> implements RequestHandler<T, String> {

    @Override
    public String handleRequest(T event, Context context) {
        return handle(event);
    }

    protected abstract String handle(T event);
}
