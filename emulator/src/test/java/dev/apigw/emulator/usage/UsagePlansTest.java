package dev.apigw.emulator.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.emulator.usage.UsagePlans.ApiKey;
import dev.apigw.emulator.usage.UsagePlans.Quota;
import dev.apigw.emulator.usage.UsagePlans.QuotaPeriod;
import dev.apigw.emulator.usage.UsagePlans.UsagePlan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsagePlansTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(UsagePlansTest.class.getResource("/usage/" + name).toURI());
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("plans.yaml"), text);
    }

    @Test
    void reads_the_sample_file() throws Exception {
        UsagePlans plans = UsagePlans.read(resource("plans.yaml"));

        assertThat(plans.plans()).hasSize(2);
        UsagePlan basic = plans.plans().get(0);
        assertThat(basic.name()).isEqualTo("basic");
        assertThat(basic.stages()).containsExactly("prod");
        assertThat(basic.throttle()).isEqualTo(new Throttle(0.5, 2));
        assertThat(basic.methodThrottling()).isEqualTo(Map.of("/pets/{id}/GET", new Throttle(1, 1)));
        assertThat(basic.quota()).isEqualTo(new Quota(100, QuotaPeriod.MONTH, 14));
        assertThat(basic.apiKeys()).containsExactly(
                new ApiKey("basic-key-0123456789", "k1", "alice", true), ApiKey.of("plain-key-0123456789"));
        UsagePlan unlimited = plans.plans().get(1);
        assertThat(unlimited.throttle()).isNull();
        assertThat(unlimited.quota()).isNull();
        assertThat(unlimited.stages()).isEmpty();
        assertThat(unlimited.apiKeys()).containsExactly(new ApiKey("free-key-0123456789", null, null, false));
    }

    @Test
    void bad_file_message_names_the_file_and_the_field() throws Exception {
        Path file = resource("invalid/bad-period.yaml");
        assertThatThrownBy(() -> UsagePlans.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": usagePlans[0].quota.period: expected DAY, WEEK or MONTH, found \"YEAR\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            usagePlans: [{name: a, apiKeys: [{id: x}]}]                        | usagePlans[0].apiKeys[0].value: is required
            usagePlans: [{name: a, throttle: {rateLimit: 1}}]                  | usagePlans[0].throttle.burstLimit: is required
            usagePlans: [{name: a, throttle: {rateLimit: 1, burstLimit: -1}}]  | usagePlans[0].throttle.burstLimit: expected a whole number >= 0, found -1
            usagePlans: [{name: a, quota: {limit: 1, period: DAY, offset: 3}}] | usagePlans[0].quota.offset: quota offset for period DAY must be 0..0, found 3
            usagePlans: [{name: a, quotas: {}}]                                | usagePlans[0].quotas: unknown field; expected one of name, stages, throttle, quota, apiKeys
            usagePlans: [{name: a, throttle: {methodThrottling: {/pets: {rateLimit: 1, burstLimit: 1}}}}] | usagePlans[0].throttle.methodThrottling."/pets": expected a key like "/pets/{id}/GET" ({resourcePath}/{httpMethod}; "//GET" for the root resource)
            plans: []                                                          | plans: unknown field; expected one of usagePlans
            usagePlans: [{name: a, apiKeys: [k]}, {name: b, apiKeys: [k]}]     | usagePlans[1].apiKeys: API key ending in "k" is already in plan "a" for an overlapping stage; a key may belong to only one plan per stage
            """)
    void invalid_input_is_reported_with_its_location(String text, String message) throws IOException {
        Path file = yaml(text);
        assertThatThrownBy(() -> UsagePlans.read(file)).hasMessage(file + ": " + message);
    }

    @Test
    void malformed_yaml_is_reported_on_one_line_with_the_line_number() throws IOException {
        Path file = yaml("usagePlans:\n  - name: [a\n");
        assertThatThrownBy(() -> UsagePlans.read(file))
                .hasMessageStartingWith(file + ": not valid YAML at line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_key_may_be_in_two_plans_for_different_stages() throws IOException {
        Path file = yaml("usagePlans: [{name: a, stages: [prod], apiKeys: [k]}, {name: b, stages: [dev], apiKeys: [k]}]");
        assertThat(UsagePlans.read(file).plans()).hasSize(2);
    }

    @Test
    void of_keys_is_one_unlimited_plan_for_every_stage() {
        UsagePlan plan = UsagePlans.ofKeys(List.of("k1", "k2")).plans().get(0);
        assertThat(plan.throttle()).isNull();
        assertThat(plan.quota()).isNull();
        assertThat(plan.covers("anything")).isTrue();
        assertThat(plan.apiKeys()).extracting(ApiKey::value).containsExactly("k1", "k2");
    }

    @ParameterizedTest
    @CsvSource({
        "DAY,   0,  2024-03-10T17:30:00Z, 2024-03-10T00:00:00Z",
        "WEEK,  0,  2024-03-13T10:00:00Z, 2024-03-10T00:00:00Z", // Wednesday → Sunday
        "WEEK,  1,  2024-03-10T10:00:00Z, 2024-03-04T00:00:00Z", // Sunday → previous Monday
        "MONTH, 0,  2024-03-31T23:59:59Z, 2024-03-01T00:00:00Z",
        "MONTH, 14, 2024-03-14T23:59:59Z, 2024-02-15T00:00:00Z",
        "MONTH, 14, 2024-03-15T00:00:00Z, 2024-03-15T00:00:00Z",
        "MONTH, 27, 2024-01-05T00:00:00Z, 2023-12-28T00:00:00Z",
    })
    void quota_period_starts_in_utc_on_the_offset_day(QuotaPeriod period, int offset, Instant now, Instant start) {
        assertThat(new Quota(1, period, offset).periodStart(now)).isEqualTo(start);
    }
}
