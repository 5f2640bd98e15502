package dev.apigw.emulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import org.junit.jupiter.api.Test;

/** Request ids: AWS's shapes, and never repeated, also across threads drawing from their own generators. */
class RequestContextsTest {
    private final GatewayRequest request = GatewayRequest.of("GET", "/dev/x", Headers.of("Host", "abc.example:3000"), "");

    @Test
    void rest_ids_are_version_4_uuids_with_a_short_extended_id() {
        RequestContexts contexts = new RequestContexts("Orders", "dev", Map.of(), false);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            RequestContext context = contexts.create(request);
            UUID id = UUID.fromString(context.requestId());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(context.requestId()).isEqualTo(id.toString());
            assertThat(context.extendedRequestId()).matches("[A-Za-z0-9_-]{15}=");
            assertThat(seen.add(context.requestId())).isTrue();
            assertThat(seen.add(context.extendedRequestId())).isTrue();
        }
        assertThat(contexts.create(request).domainPrefix()).isEqualTo("abc");
    }

    @Test
    void http_api_ids_are_one_short_id_and_threads_never_repeat_each_other() throws InterruptedException {
        RequestContexts contexts = new RequestContexts("Orders", "dev", Map.of(), true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    RequestContext context = contexts.create(request);
                    assertThat(context.requestId()).isEqualTo(context.extendedRequestId());
                    seen.add(context.requestId());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(4_000);
    }
}
