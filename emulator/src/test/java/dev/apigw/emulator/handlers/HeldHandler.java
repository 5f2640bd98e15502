package dev.apigw.emulator.handlers;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Runs until the test releases it (at most 20 s), so a test can act while a request is in flight. */
public class HeldHandler implements RequestHandler<Map<String, Object>, String> {
    public final CountDownLatch started = new CountDownLatch(1);
    public final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        started.countDown();
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return "finished";
    }

    /** Waits until a request is inside the handler. */
    public void awaitStarted() throws InterruptedException {
        if (!started.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the request did not reach the handler within 20 s");
        }
    }
}
