package dev.apigw.lambda.java.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Plain handler methods named in handler strings ({@code GreeterMethods::greet}), implementing no interface. */
public class GreeterMethods {

    public String greet(String name) {
        return "hi " + name;
    }

    public String greetFromFunction(Map<String, Object> event, Context context) {
        return event.get("name") + " from " + context.getFunctionName();
    }

    /** Two overloads: the runtime prefers the one ending with Context. */
    public String overloaded(String name) {
        return "without context";
    }

    public String overloaded(String name, Context context) {
        return "with context";
    }

    public static int twice(int number) {
        return number * 2;
    }

    public void accept(Map<String, Object> event) {
        // returns nothing: the runtime answers null
    }

    public void copy(InputStream input, OutputStream output) throws IOException {
        input.transferTo(output);
    }

    public String refuse(String name) {
        throw new IllegalArgumentException("no " + name);
    }

    public String tooMany(String a, String b, String c, String d) {
        return "never called";
    }
}
