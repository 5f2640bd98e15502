package dev.apigw.emulator.usage;

import dev.apigw.emulator.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.usage.MeterResult.Admitted;
import dev.apigw.emulator.usage.MeterResult.Refused;
import dev.apigw.emulator.usage.UsagePlans.ApiKey;
import dev.apigw.emulator.usage.UsagePlans.Quota;
import dev.apigw.emulator.usage.UsagePlans.QuotaPeriod;
import dev.apigw.emulator.usage.UsagePlans.UsagePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UsageMeterTest {
    private static final String KEY = "key-0123456789abcdefghij";
    private final MutableClock clock = MutableClock.at(Instant.parse("2024-03-10T12:00:00Z"));

    private static UsagePlans plan(@Nullable Throttle throttle, Map<String, Throttle> methods, @Nullable Quota quota) {
        return new UsagePlans(List.of(new UsagePlan(
                "p", throttle, methods, quota, List.of("prod"), List.of(new ApiKey(KEY, "id1", "alice", true)))));
    }

    private MeterResult get(UsageMeter meter, @Nullable String key) {
        return meter.admit(true, key, "/pets/{id}", "GET", null, "prod");
    }

    @Nested
    class ApiKeyCheck {
        private final UsageMeter meter = UsageMeter.of(UsagePlans.ofKeys(List.of(KEY)), null, clock);

        @Test
        void missing_key_is_refused_with_403_forbidden() {
            Refused refused = (Refused) get(meter, null);
            assertThat(refused.responseType()).isEqualTo("INVALID_API_KEY");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            assertThat(refused.errorType()).isEqualTo("ForbiddenException");
        }

        @Test
        void unknown_key_is_refused_with_403_forbidden() {
            assertThat(get(meter, "nope")).isEqualTo(Refused.INVALID_API_KEY);
            assertThat(get(meter, "")).isEqualTo(Refused.INVALID_API_KEY);
        }

        @Test
        void valid_key_is_admitted_with_its_value_and_a_stable_id() {
            assertThat(get(meter, KEY)).isEqualTo(new Admitted(KEY, UsagePlans.ApiKey.of(KEY).apiKeyId()));
            assertThat(UsagePlans.ApiKey.of(KEY).apiKeyId()).matches("[a-z0-9]{10}")
                    .isEqualTo(UsagePlans.ApiKey.of(KEY).apiKeyId());
        }

        @Test
        void key_of_a_plan_not_covering_the_stage_is_refused() {
            UsageMeter prodOnly = UsageMeter.of(plan(null, Map.of(), null), null, clock);
            assertThat(prodOnly.admit(true, KEY, "/pets", "GET", null, "dev")).isEqualTo(Refused.INVALID_API_KEY);
            assertThat(prodOnly.admit(true, KEY, "/pets", "GET", null, "prod")).isEqualTo(new Admitted(KEY, "id1"));
        }

        @Test
        void disabled_key_is_refused() {
            UsagePlans plans = new UsagePlans(List.of(new UsagePlan(
                    "p", null, Map.of(), null, List.of(), List.of(new ApiKey(KEY, null, null, false)))));
            assertThat(get(UsageMeter.of(plans, null, clock), KEY)).isEqualTo(Refused.INVALID_API_KEY);
        }

        @Test
        void method_without_api_key_required_needs_no_key() {
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isEqualTo(new Admitted(null, null));
        }
    }

    @Nested
    class PlanThrottle {
        private final UsageMeter meter = UsageMeter.of(plan(new Throttle(2, 3), Map.of(), null), null, clock);

        @Test
        void burst_is_admitted_then_throttled_with_429() {
            for (int i = 0; i < 3; i++) {
                assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            }
            Refused refused = (Refused) get(meter, KEY);
            assertThat(refused.responseType()).isEqualTo("THROTTLED");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
            assertThat(refused.errorType()).isEqualTo("TooManyRequestsException");
        }

        @Test
        void bucket_refills_at_the_rate_as_the_clock_advances() {
            for (int i = 0; i < 3; i++) {
                get(meter, KEY);
            }
            clock.advance(Duration.ofMillis(499));
            assertThat(get(meter, KEY)).isEqualTo(Refused.THROTTLED);
            clock.advance(Duration.ofMillis(1));
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            assertThat(get(meter, KEY)).isEqualTo(Refused.THROTTLED);
        }

        @Test
        void bucket_never_holds_more_than_the_burst() {
            clock.advance(Duration.ofHours(1));
            for (int i = 0; i < 3; i++) {
                assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            }
            assertThat(get(meter, KEY)).isEqualTo(Refused.THROTTLED);
        }

        @Test
        void reset_refills_every_bucket() {
            for (int i = 0; i < 4; i++) {
                get(meter, KEY);
            }
            meter.reset();
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
        }

        @Test
        void method_throttling_overrides_the_plan_throttle_for_that_method() {
            UsageMeter perMethod = UsageMeter.of(
                    plan(new Throttle(100, 100), Map.of("/pets/{id}/GET", new Throttle(1, 1)), null), null, clock);
            assertThat(get(perMethod, KEY)).isInstanceOf(Admitted.class);
            assertThat(get(perMethod, KEY)).isEqualTo(Refused.THROTTLED);
            assertThat(perMethod.admit(true, KEY, "/pets/{id}", "DELETE", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(perMethod.admit(true, KEY, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
        }

        @Test
        void root_resource_method_throttling_uses_a_double_slash_key() {
            UsageMeter root = UsageMeter.of(plan(null, Map.of("//GET", new Throttle(0, 1)), null), null, clock);
            assertThat(root.admit(true, KEY, "/", "GET", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(root.admit(true, KEY, "/", "GET", null, "prod")).isEqualTo(Refused.THROTTLED);
        }
    }

    @Nested
    class PlanQuota {
        @Test
        void quota_exceeded_is_429_limit_exceeded_and_resets_the_next_day() {
            UsageMeter meter = UsageMeter.of(plan(null, Map.of(), new Quota(2, QuotaPeriod.DAY, 0)), null, clock);
            clock.set(Instant.parse("2024-03-10T23:59:59Z"));
            get(meter, KEY);
            get(meter, KEY);
            Refused refused = (Refused) get(meter, KEY);
            assertThat(refused.responseType()).isEqualTo("QUOTA_EXCEEDED");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
            assertThat(refused.errorType()).isEqualTo("LimitExceededException");
            clock.advance(Duration.ofSeconds(1));
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
        }

        @Test
        void monthly_quota_with_offset_resets_on_that_day_of_the_month() {
            UsageMeter meter = UsageMeter.of(plan(null, Map.of(), new Quota(1, QuotaPeriod.MONTH, 14)), null, clock);
            clock.set(Instant.parse("2024-03-01T00:00:00Z"));
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            clock.set(Instant.parse("2024-03-14T23:59:59Z"));
            assertThat(get(meter, KEY)).isEqualTo(Refused.QUOTA_EXCEEDED);
            clock.set(Instant.parse("2024-03-15T00:00:00Z"));
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            clock.set(Instant.parse("2024-04-14T00:00:00Z"));
            assertThat(get(meter, KEY)).isEqualTo(Refused.QUOTA_EXCEEDED);
        }

        @Test
        void throttled_requests_do_not_count_against_the_quota() {
            UsageMeter meter = UsageMeter.of(
                    plan(new Throttle(1, 1), Map.of(), new Quota(2, QuotaPeriod.DAY, 0)), null, clock);
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            assertThat(get(meter, KEY)).isEqualTo(Refused.THROTTLED);
            clock.advance(Duration.ofSeconds(1));
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(get(meter, KEY)).isEqualTo(Refused.QUOTA_EXCEEDED);
        }

        @Test
        void reset_clears_quota_counts() {
            UsageMeter meter = UsageMeter.of(plan(null, Map.of(), new Quota(1, QuotaPeriod.WEEK, 1)), null, clock);
            get(meter, KEY);
            assertThat(get(meter, KEY)).isEqualTo(Refused.QUOTA_EXCEEDED);
            meter.reset();
            assertThat(get(meter, KEY)).isInstanceOf(Admitted.class);
        }
    }

    @Nested
    class StageThrottle {
        private final UsageMeter meter = UsageMeter.of(UsagePlans.ofKeys(List.of()), new Throttle(1, 2), clock);

        @Test
        void applies_to_requests_without_api_keys_with_a_bucket_per_method() {
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isEqualTo(Refused.THROTTLED);
            assertThat(meter.admit(false, null, "/pets", "POST", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(meter.admit(false, null, "/other", "GET", null, "prod")).isInstanceOf(Admitted.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
        }

        @Test
        void a_methods_own_setting_replaces_the_stage_default_for_it() {
            UsageMeter withMethod = UsageMeter.of(UsagePlans.ofKeys(List.of()), new Throttle(1, 2),
                    Map.of("/pets/{id}/DELETE", new Throttle(1, 1)), Throttle.ACCOUNT_DEFAULT, clock);

            assertThat(withMethod.admit(false, null, "/pets/{id}", "DELETE", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(withMethod.admit(false, null, "/pets/{id}", "DELETE", null, "prod"))
                    .isEqualTo(Refused.THROTTLED);
            assertThat(withMethod.admit(false, null, "/pets/{id}", "GET", null, "prod")).isInstanceOf(Admitted.class);
            assertThat(withMethod.admit(false, null, "/pets/{id}", "GET", null, "prod")).isInstanceOf(Admitted.class);
        }

        @Test
        void http_api_routes_are_keyed_by_route_key() {
            UsageMeter withRoute = UsageMeter.of(UsagePlans.ofKeys(List.of()), null,
                    Map.of("GET /pets/{id}", new Throttle(1, 1)), Throttle.ACCOUNT_DEFAULT, clock);

            assertThat(withRoute.admit(false, null, "/pets/{id}", "GET", "GET /pets/{id}", "$default"))
                    .isInstanceOf(Admitted.class);
            assertThat(withRoute.admit(false, null, "/pets/{id}", "GET", "GET /pets/{id}", "$default"))
                    .isEqualTo(Refused.THROTTLED);
            assertThat(withRoute.admit(false, null, "/pets", "GET", "GET /pets", "$default")).isInstanceOf(Admitted.class);
        }

        @Test
        void counts_each_stage_separately() {
            meter.admit(false, null, "/pets", "GET", null, "prod");
            meter.admit(false, null, "/pets", "GET", null, "prod");
            assertThat(meter.admit(false, null, "/pets", "GET", null, "dev")).isInstanceOf(Admitted.class);
        }

        @Test
        void key_check_comes_before_the_stage_throttle() {
            assertThat(meter.admit(true, null, "/pets", "GET", null, "prod")).isEqualTo(Refused.INVALID_API_KEY);
        }
    }

    @Test
    void account_throttle_allows_a_burst_of_5000() {
        UsageMeter meter = UsageMeter.of(UsagePlans.ofKeys(List.of()), null, clock);
        for (int i = 0; i < 5000; i++) {
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
        }
        assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isEqualTo(Refused.THROTTLED);
    }

    @Test
    void a_raised_account_throttle_admits_its_own_burst_and_refills_at_its_own_rate() {
        UsageMeter meter = UsageMeter.of(UsagePlans.ofKeys(List.of()), null, Map.of(), new Throttle(20_000, 8_000),
                clock);
        for (int i = 0; i < 8000; i++) {
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
        }
        assertThat(meter.admit(false, null, "/orders", "POST", null, "prod")).isEqualTo(Refused.THROTTLED);

        clock.advance(Duration.ofMillis(100));
        for (int i = 0; i < 2000; i++) {
            assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
        }
        assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isEqualTo(Refused.THROTTLED);
    }

    @Test
    void reset_refills_the_account_bucket() {
        UsageMeter meter = UsageMeter.of(UsagePlans.ofKeys(List.of()), null, Map.of(), new Throttle(1, 1), clock);
        assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
        assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isEqualTo(Refused.THROTTLED);

        meter.reset();

        assertThat(meter.admit(false, null, "/pets", "GET", null, "prod")).isInstanceOf(Admitted.class);
    }
}
