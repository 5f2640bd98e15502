package dev.apigw.lambda.java;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Loads handlers from the test classpath as function "GetPet" and closes them after each test. */
final class TestFunctions implements AutoCloseable {
    static final String FUNCTION = "GetPet";
    static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    static final String HANDLERS = "dev.apigw.lambda.java.handlers.";

    private final List<JavaHandlerFunction> opened = new ArrayList<>();

    JavaHandlerFunction load(String handler) {
        return load(FunctionSettings.defaults(FUNCTION).withHandler(HANDLERS + handler));
    }

    JavaHandlerFunction load(String handler, Duration timeout) {
        return load(FunctionSettings.defaults(FUNCTION).withHandler(HANDLERS + handler).withTimeout(timeout));
    }

    JavaHandlerFunction load(FunctionSettings settings) {
        JavaHandlerFunction function = JavaHandlerFunction.load(settings, TestFunctions.class.getClassLoader());
        opened.add(function);
        return function;
    }

    JavaHandlerFunction forInstance(Object handler) {
        JavaHandlerFunction function = JavaHandlerFunction.forInstance(FunctionSettings.defaults(FUNCTION), handler);
        opened.add(function);
        return function;
    }

    static InvocationResult invoke(JavaHandlerFunction function, String payload) {
        return function.invoke(payload.getBytes(UTF_8), InvocationOptions.of(REQUEST_ID, FUNCTION));
    }

    @Override
    public void close() {
        opened.forEach(JavaHandlerFunction::close);
    }
}
