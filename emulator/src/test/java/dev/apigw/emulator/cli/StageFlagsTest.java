package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.AccessLogSettings;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code apigw start}'s stage flags: a value prefixed with a served stage's name is that stage's own. */
class StageFlagsTest {
    @Command(name = "start")
    static final class Flags {
        @Mixin
        StageFlags stageFlags = new StageFlags();
    }

    private static List<GatewayConfig> stages(String... args) {
        Flags flags = new Flags();
        CommandLine line = new CommandLine(flags);
        line.parseArgs(args);
        GatewayConfig.Builder builder = GatewayConfig.builder().spec(Path.of("api.yaml"));
        flags.stageFlags.applyTo(builder, line.getCommandSpec());
        return builder.build().stageConfigs();
    }

    @Test
    void a_prefixed_throttle_is_the_stages_own_and_the_other_stages_keep_the_shared_one() {
        List<GatewayConfig> stages = stages("--stage", "dev", "--stage", "prod", "--throttle", "100:200",
                "--throttle", "prod:5:10", "--route-throttle", "prod:/pets/GET=1:2",
                "--route-throttle", "/toys/GET=3:4");

        assertThat(stages.get(0).throttle()).isEqualTo(new StageThrottle(100, 200));
        assertThat(stages.get(0).routeThrottles()).containsOnlyKeys("/toys/GET");
        assertThat(stages.get(1).throttle()).isEqualTo(new StageThrottle(5, 10));
        assertThat(stages.get(1).routeThrottles()).isEqualTo(Map.of(
                "/toys/GET", new StageThrottle(3, 4), "/pets/GET", new StageThrottle(1, 2)));
    }

    @Test
    void a_stages_cache_starts_from_the_shared_settings() {
        List<GatewayConfig> stages = stages("--stage", "dev", "--stage", "prod", "--stage", "qa", "--cache-ttl", "300",
                "--method-cache", "/pets/GET=60", "--cache-ttl", "dev:0", "--method-cache", "prod:/toys/GET=10",
                "--cache-ttl", "qa:off",
                "--cache-unauthorized", "prod:FAIL_WITH_403", "--cache-require-authorization", "dev:false");

        assertThat(stages.get(0).stageCache().ttlSeconds()).isZero();
        assertThat(stages.get(0).stageCache().methodTtls()).isEqualTo(Map.of("/pets/GET", 60));
        assertThat(stages.get(0).stageCache().requireAuthorizationForCacheControl()).isFalse();
        assertThat(stages.get(2).stageCache().enabled()).isFalse();
        assertThat(stages.get(1).stageCache().ttlSeconds()).isEqualTo(300);
        assertThat(stages.get(1).stageCache().methodTtls()).isEqualTo(Map.of("/pets/GET", 60, "/toys/GET", 10));
        assertThat(stages.get(1).stageCache().unauthorizedStrategy())
                .isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
    }

    @Test
    void a_canary_without_a_stage_is_every_stages_that_has_none_of_its_own() {
        List<GatewayConfig> stages = stages("--stage", "dev", "--stage", "prod", "--canary", "10",
                "--canary", "prod:20");

        assertThat(stages.get(0).canary()).isEqualTo(Canary.of(10));
        assertThat(stages.get(1).canary()).isEqualTo(Canary.of(20));
    }

    @Test
    void on_is_awss_default_ttl() {
        assertThat(stages("--cache-ttl", "on").get(0).stageCache().ttlSeconds()).isEqualTo(300);
    }

    @Test
    void a_stages_access_log_takes_the_shared_format_when_it_names_only_a_file() {
        List<GatewayConfig> stages = stages("--stage", "dev", "--stage", "prod", "--access-log-format", "json",
                "--access-log", "prod:prod.log");

        assertThat(stages.get(0).accessLogFormat()).isEqualTo("json");
        assertThat(stages.get(0).accessLogFile()).isNull();
        assertThat(new AccessLogSettings(stages.get(1).accessLogFormat(), stages.get(1).accessLogFile()))
                .isEqualTo(new AccessLogSettings("json", Path.of("prod.log")));
    }

    @Test
    void a_format_string_with_colons_is_not_mistaken_for_a_stage() {
        List<GatewayConfig> stages = stages("--access-log-format", "$context.requestId: $context.status");

        assertThat(stages.get(0).accessLogFormat()).isEqualTo("$context.requestId: $context.status");
    }

    @Test
    void a_bad_stage_value_names_the_flag() {
        assertThatThrownBy(() -> stages("--stage", "dev", "--stage", "prod", "--cache-ttl", "prod:soon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--cache-ttl").hasMessageContaining("'soon' is not a number of seconds");
    }
}
