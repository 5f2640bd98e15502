package dev.apigw.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * The load benchmark's Lambda handler: a proxy result with the baseline's 17-byte JSON body, for REST (payload 1.0)
 * and HTTP APIs (payload 2.0) alike. It does not read the event, as a hello world would not.
 */
public final class HelloHandler implements RequestStreamHandler {
    private static final byte[] RESULT = ("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
            + "\"body\":\"{\\\"message\\\":\\\"hi!\\\"}\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(RESULT);
    }
}
