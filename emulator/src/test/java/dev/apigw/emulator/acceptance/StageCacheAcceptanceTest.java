package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import dev.apigw.emulator.cache.StageCache;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.emulator.observe.JournalEntry;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.emulator.handlers.CountingHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpFullRequest;

/** The REST stage cache through the running gateway, with a function that counts its calls. */
class StageCacheAcceptanceTest {
    static final String ACCESS_KEY = IamAuthorizationAcceptanceTest.ACCESS_KEY;
    static final String SECRET = IamAuthorizationAcceptanceTest.SECRET;

    static ApiGatewayExtension cached() {
        return ApiGatewayExtension.fromSpec("specs/rest-cache.yaml")
                .withFunction("Counter", new CountingHandler())
                .withIamCredentials(ACCESS_KEY, SECRET)
                .withStageCache(Duration.ofSeconds(300))
                .withMethodCache("/toys/GET", Duration.ofSeconds(60))
                .withMethodCache("/orders/POST", Duration.ofSeconds(60));
    }

    static HttpResponse<String> call(ApiGatewayExtension gateway, String method, String pathAndQuery,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUri() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(ApiGatewayExtension gateway, String pathAndQuery, String... headers)
            throws Exception {
        return call(gateway, "GET", pathAndQuery, headers);
    }

    static int calls(ApiGatewayExtension gateway) {
        return gateway.invocations("Counter").size();
    }

    @Nested
    class Caching {
        @RegisterExtension
        static ApiGatewayExtension gateway = cached();

        @Test
        void a_second_get_is_answered_from_the_cache_without_calling_the_function() throws Exception {
            HttpResponse<String> first = get(gateway, "/pets");
            HttpResponse<String> second = get(gateway, "/pets");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(calls(gateway)).isEqualTo(1);
            // Gateway processing still runs on a hit: each answer has its own request id.
            assertThat(second.headers().firstValue("x-amzn-RequestId"))
                    .isNotEqualTo(first.headers().firstValue("x-amzn-RequestId"));
        }

        @Test
        void an_entry_expires_after_the_stage_ttl_by_the_gateway_clock() throws Exception {
            String first = get(gateway, "/pets").body();
            gateway.clock().advance(Duration.ofSeconds(299));
            assertThat(get(gateway, "/pets").body()).isEqualTo(first);

            gateway.clock().advance(Duration.ofSeconds(1));

            assertThat(get(gateway, "/pets").body()).isNotEqualTo(first);
            assertThat(calls(gateway)).isEqualTo(2);
        }

        @Test
        void cache_key_parameters_give_separate_entries_and_other_parameters_do_not() throws Exception {
            String dogs = get(gateway, "/pets?type=dog").body();
            String cats = get(gateway, "/pets?type=cat").body();
            String tenantA = get(gateway, "/pets?type=dog", "X-Tenant", "a").body();
            String tenantALowerCaseName = get(gateway, "/pets?type=dog", "x-tenant", "a").body();
            // limit is not a cache key parameter: the same entry as type=dog.
            String dogsWithLimit = get(gateway, "/pets?type=dog&limit=5", "X-Other", "x").body();

            assertThat(cats).isNotEqualTo(dogs);
            assertThat(tenantA).isNotEqualTo(dogs).isNotEqualTo(cats);
            assertThat(tenantALowerCaseName).isEqualTo(tenantA);
            assertThat(dogsWithLimit).isEqualTo(dogs);
            assertThat(calls(gateway)).isEqualTo(3);
        }

        @Test
        void a_path_parameter_in_the_key_separates_entries() throws Exception {
            String one = get(gateway, "/pets/1").body();
            String two = get(gateway, "/pets/2").body();

            assertThat(two).isNotEqualTo(one);
            assertThat(get(gateway, "/pets/1").body()).isEqualTo(one);
            assertThat(calls(gateway)).isEqualTo(2);
        }

        @Test
        void a_path_parameter_not_in_the_key_shares_one_entry() throws Exception {
            String one = get(gateway, "/pets/1/toys").body();

            assertThat(get(gateway, "/pets/2/toys").body()).isEqualTo(one);
            assertThat(calls(gateway)).isEqualTo(1);
        }

        @Test
        void an_integration_parameter_in_the_key_counts_by_the_method_parameter_it_is_mapped_from() throws Exception {
            String balls = get(gateway, "/toys/ball").body();
            String ropes = get(gateway, "/toys/rope").body();

            assertThat(ropes).isNotEqualTo(balls);
            assertThat(get(gateway, "/toys/ball").body()).isEqualTo(balls);
            assertThat(calls(gateway)).isEqualTo(2);
        }

        @Test
        void post_is_not_cached_unless_its_method_setting_says_so() throws Exception {
            String first = call(gateway, "POST", "/pets").body();
            String second = call(gateway, "POST", "/pets").body();
            String order = call(gateway, "POST", "/orders").body();

            assertThat(second).isNotEqualTo(first);
            assertThat(call(gateway, "POST", "/orders").body()).isEqualTo(order);
            assertThat(calls(gateway)).isEqualTo(3);
        }

        @Test
        void a_methods_own_ttl_replaces_the_stage_ttl() throws Exception {
            String toys = get(gateway, "/toys").body();
            String pets = get(gateway, "/pets").body();

            gateway.clock().advance(Duration.ofSeconds(60));

            assertThat(get(gateway, "/toys").body()).isNotEqualTo(toys);
            assertThat(get(gateway, "/pets").body()).isEqualTo(pets);
        }

        @Test
        void a_response_over_1_mb_is_not_cached_and_one_of_1_mb_is() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            int[] size = {StageCache.MAX_CACHED_BYTES + 1};
            gateway.stubFunction("Counter", (payload, options) -> {
                calls.incrementAndGet();
                String body = "x".repeat(size[0]);
                return new InvocationResult.Success(
                        ("{\"statusCode\":200,\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
            });

            get(gateway, "/toys");
            assertThat(get(gateway, "/toys").body()).hasSize(StageCache.MAX_CACHED_BYTES + 1);
            assertThat(calls).hasValue(2);

            size[0] = StageCache.MAX_CACHED_BYTES;
            get(gateway, "/pets");
            assertThat(get(gateway, "/pets").body()).hasSize(StageCache.MAX_CACHED_BYTES);
            assertThat(calls).hasValue(3);
        }

        @Test
        void flushing_the_stage_cache_drops_every_entry() throws Exception {
            String pets = get(gateway, "/pets").body();
            String toys = get(gateway, "/toys").body();

            gateway.flushCache();

            assertThat(get(gateway, "/pets").body()).isNotEqualTo(pets);
            assertThat(get(gateway, "/toys").body()).isNotEqualTo(toys);
            assertThat(calls(gateway)).isEqualTo(4);
        }

        @Test
        void the_admin_endpoint_flushes_the_stage_cache() throws Exception {
            String pets = get(gateway, "/pets").body();
            HttpResponse<String> flushed = gateway.httpClient().send(
                    HttpRequest.newBuilder(gateway.baseUri().resolve("/_apigw/cache")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(flushed.statusCode()).isEqualTo(200);
            assertThat(flushed.body()).contains("\"flushedEntries\":1").contains("\"stage\":\"dev\"");
            assertThat(get(gateway, "/pets").body()).isNotEqualTo(pets);
        }

        @Test
        void the_journal_shows_a_hit_as_answered_by_the_stage_cache() throws Exception {
            get(gateway, "/pets");
            get(gateway, "/pets");

            assertThat(gateway.journal().entries()).first().satisfies(hit ->
                    assertThat(hit.integration()).isEqualTo(new JournalEntry.StageCacheHit("cache", 200)));
            assertThat(gateway.journal().entries().get(1).integration()).isInstanceOf(JournalEntry.LambdaCall.class);
            HttpResponse<String> journal = gateway.httpClient().send(
                    HttpRequest.newBuilder(gateway.baseUri().resolve("/_apigw/journal?limit=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(journal.body()).contains("\"integration\":{\"type\":\"cache\",\"status\":200}");
        }

        @Test
        void an_unauthorized_max_age_0_is_ignored_with_a_warning_header_by_default() throws Exception {
            String first = get(gateway, "/pets").body();
            HttpResponse<String> again = get(gateway, "/pets", "Cache-Control", "max-age=0");

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first);
            assertThat(again.headers().firstValue("Warning")).get().asString().startsWith("199 ");
            assertThat(calls(gateway)).isEqualTo(1);
        }

        @Test
        void an_iam_caller_invalidates_the_entry_with_max_age_0() throws Exception {
            String first = signedGet(gateway, "/secret", false).body();
            assertThat(signedGet(gateway, "/secret", false).body()).isEqualTo(first);

            HttpResponse<String> refreshed = signedGet(gateway, "/secret", true);

            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(refreshed.body()).isNotEqualTo(first);
            assertThat(refreshed.headers().firstValue("Warning")).isEmpty();
            // The new answer replaced the entry.
            assertThat(signedGet(gateway, "/secret", false).body()).isEqualTo(refreshed.body());
            assertThat(calls(gateway)).isEqualTo(2);
        }
    }

    static HttpResponse<String> signedGet(ApiGatewayExtension gateway, String path, boolean invalidate)
            throws Exception {
        SdkHttpFullRequest.Builder request = IamAuthorizationAcceptanceTest.request(gateway, "GET", path, null)
                .toBuilder();
        if (invalidate) {
            request.putHeader("Cache-Control", "max-age=0");
        }
        SdkHttpFullRequest built = request.build();
        return IamAuthorizationAcceptanceTest.send(gateway, built.getUri(),
                IamAuthorizationAcceptanceTest.sign(gateway, built, null), null);
    }

    @Nested
    class Metrics {
        /** A gateway of its own: metrics count from its start, not per test. */
        @RegisterExtension
        static ApiGatewayExtension gateway = cached();

        @Test
        void hits_and_misses_are_counted_per_method_with_cloudwatch_names() throws Exception {
            get(gateway, "/toys");
            get(gateway, "/toys");
            get(gateway, "/toys");
            call(gateway, "POST", "/pets");

            String metrics = gateway.gateway().metrics().scrape();

            assertThat(metrics).containsPattern(
                    "apigateway_cache_hit_count_total\\{[^}]*method=\"GET\",resource=\"/toys\"[^}]*} 2\\.0")
                    .containsPattern(
                    "apigateway_cache_miss_count_total\\{[^}]*method=\"GET\",resource=\"/toys\"[^}]*} 1\\.0")
                    .containsPattern(
                    "apigateway_cache_miss_count_total\\{[^}]*method=\"POST\",resource=\"/pets\"[^}]*} 0\\.0");
        }
    }

    @Nested
    class FailWith403 {
        @RegisterExtension
        static ApiGatewayExtension gateway = cached()
                .withCacheInvalidation(true, UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);

        @Test
        void an_unauthorized_max_age_0_is_refused_with_403_before_the_integration() throws Exception {
            get(gateway, "/pets");
            HttpResponse<String> refused = get(gateway, "/pets", "Cache-Control", "max-age=0");

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
            assertThat(calls(gateway)).isEqualTo(1);
        }

        @Test
        void a_method_that_is_not_cached_ignores_the_header() throws Exception {
            assertThat(call(gateway, "POST", "/pets", "Cache-Control", "max-age=0").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class SucceedWithoutHeader {
        @RegisterExtension
        static ApiGatewayExtension gateway = cached()
                .withCacheInvalidation(true, UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITHOUT_RESPONSE_HEADER);

        @Test
        void an_unauthorized_max_age_0_is_ignored_silently() throws Exception {
            String first = get(gateway, "/pets").body();
            HttpResponse<String> again = get(gateway, "/pets", "Cache-Control", "no-store, max-age=0");

            assertThat(again.body()).isEqualTo(first);
            assertThat(again.headers().firstValue("Warning")).isEmpty();
        }
    }

    @Nested
    class NoAuthorizationRequired {
        @RegisterExtension
        static ApiGatewayExtension gateway = cached()
                .withCacheInvalidation(false, UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);

        @Test
        void any_caller_invalidates_the_entry() throws Exception {
            String first = get(gateway, "/pets").body();
            String refreshed = get(gateway, "/pets", "Cache-Control", "max-age=0").body();

            assertThat(refreshed).isNotEqualTo(first);
            assertThat(get(gateway, "/pets").body()).isEqualTo(refreshed);
            assertThat(calls(gateway)).isEqualTo(2);
        }
    }

    @Nested
    class WithoutCache {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-cache.yaml")
                .withFunction("Counter", new CountingHandler());

        @Test
        void a_stage_without_cache_calls_the_function_every_time() throws Exception {
            String first = get(gateway, "/pets").body();

            assertThat(get(gateway, "/pets").body()).isNotEqualTo(first);
            assertThat(calls(gateway)).isEqualTo(2);
        }
    }

    @Nested
    class HttpApi {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-api.yaml")
                .withFunction("Echo", new CountingHandler())
                .withFunction("Result", new CountingHandler())
                .withFunction("Slow", new CountingHandler())
                .withStageCache(Duration.ofSeconds(300));

        @Test
        void an_http_api_has_no_stage_cache_as_on_aws() throws Exception {
            String first = get(gateway, "/v1").body();

            assertThat(get(gateway, "/v1").body()).isNotEqualTo(first);
            assertThat(gateway.invocations("Echo")).hasSize(2);
        }
    }
}
