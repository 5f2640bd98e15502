package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account throttle set through the fixture: one bucket over every route, refilled by the test's clock. */
class AccountThrottleAcceptanceTest {
    static final LambdaFunction ECHO = (payload, options) ->
            new InvocationResult.Success("{\"statusCode\":200,\"body\":\"ok\"}".getBytes());

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-api.yaml")
            .withFunction("Echo", ECHO)
            .withFunction("Result", ECHO)
            .withFunction("Slow", ECHO)
            .withAccountThrottle(2, 3);

    private static HttpResponse<String> get(String path) throws Exception {
        return gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_route_draws_on_the_one_account_bucket_until_the_clock_refills_it() throws Exception {
        assertThat(get("/echo/1").statusCode()).isEqualTo(200);
        assertThat(get("/v1").statusCode()).isEqualTo(200);
        assertThat(get("/echo/2").statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = get("/v1");
        gateway.clock().advance(Duration.ofMillis(500));
        HttpResponse<String> refilled = get("/echo/3");
        HttpResponse<String> emptyAgain = get("/echo/4");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(refilled.statusCode()).isEqualTo(200);
        assertThat(emptyAgain.statusCode()).isEqualTo(429);
    }
}
