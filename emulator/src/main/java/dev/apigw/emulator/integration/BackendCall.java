package dev.apigw.emulator.integration;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to an HTTP backend, with AWS's answers for the ways it can fail: the integration timeout is a 504
 * (503 on HTTP APIs), a backend that cannot be reached a 500 (AWS-REFERENCE 5.7).
 */
final class BackendCall {
    private static final Logger LOG = LoggerFactory.getLogger(BackendCall.class);

    private BackendCall() {}

    static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String requestId) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new GatewayException(GatewayError.INTEGRATION_TIMEOUT, "backend " + request.uri() + " timed out");
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("[{}] Execution failed due to a network error communicating with {}: {}", requestId, request.uri(),
                    e.toString());
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE,
                    "network error communicating with " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE, "interrupted calling " + request.uri());
        }
    }
}
