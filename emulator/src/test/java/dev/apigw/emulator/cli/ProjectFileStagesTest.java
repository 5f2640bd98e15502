package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.cache.UnauthorizedCacheControlHeaderStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file's {@code stages:} become one single-stage config per stage, variables over the shared ones. */
class ProjectFileStagesTest {
    @TempDir
    Path dir;

    private GatewayConfig read(String text) throws Exception {
        return ProjectFileText.read(dir, text);
    }

    @Test
    void each_stage_gets_the_shared_variables_with_its_own_over_them() throws Exception {
        List<GatewayConfig> stages = read("""
                stageVariables: {table: shared, region: eu}
                stages:
                  dev:
                  prod: {stageVariables: {table: pets}}
                """).stageConfigs();

        assertThat(stages).extracting(GatewayConfig::stage).containsExactly("dev", "prod");
        assertThat(stages.get(0).stageVariables()).isEqualTo(Map.of("table", "shared", "region", "eu"));
        assertThat(stages.get(1).stageVariables()).isEqualTo(Map.of("table", "pets", "region", "eu"));
        assertThat(stages).allSatisfy(stage -> assertThat(stage.stages()).isEmpty());
    }

    @Test
    void a_stage_canary_and_a_single_stage_canary_are_read() throws Exception {
        List<GatewayConfig> stages = read("""
                stages:
                  dev:
                  prod:
                    canary: {percentTraffic: 12.5, stageVariableOverrides: {table: v2}, useStageCache: true, seed: 7}
                """).stageConfigs();

        assertThat(stages.get(0).canary()).isNull();
        assertThat(stages.get(1).canary()).isEqualTo(new Canary(12.5, Map.of("table", "v2"), true, 7L));
        assertThat(stages.get(1).canaryConfig().stageVariables()).containsEntry("table", "v2");
        assertThat(stages.get(1).canaryConfig().canaryVariant()).isTrue();
        assertThat(read("canary: {percentTraffic: 5}\n").canary()).isEqualTo(Canary.of(5));
    }

    @Test
    void a_canary_percentage_over_100_names_the_setting() {
        assertThatThrownBy(() -> read("stages: {prod: {canary: {percentTraffic: 150}}}\n"))
                .isInstanceOf(CliException.class).hasMessageContaining("stages.prod.canary.percentTraffic");
    }

    @Test
    void without_stages_the_one_stage_is_served() throws Exception {
        GatewayConfig config = read("stage: beta\n");

        assertThat(config.stageConfigs()).containsExactly(config);
    }

    @Test
    void a_stage_sets_its_own_throttles_cache_and_access_log_over_the_shared_ones() throws Exception {
        List<GatewayConfig> stages = read("""
                throttle: "100:200"
                cache: {ttl: 300, methods: {"/pets/GET": 60}}
                accessLog: {format: clf}
                stages:
                  dev: {cache: {ttl: 0}}
                  qa: {cache: {enabled: false}}
                  prod:
                    throttle: "5:10"
                    routeThrottles: {"/pets/GET": "1:2"}
                    cache: {methods: {"/toys/GET": 10}, unauthorizedStrategy: FAIL_WITH_403}
                    accessLog: {format: json, file: logs/prod.log}
                """).stageConfigs();

        GatewayConfig dev = stages.get(0);
        GatewayConfig prod = stages.get(2);
        assertThat(stages.get(1).stageCache().enabled()).isFalse();
        assertThat(dev.throttle()).isEqualTo(new StageThrottle(100, 200));
        assertThat(dev.stageCache().ttlSeconds()).isZero();
        assertThat(dev.stageCache().methodTtls()).containsEntry("/pets/GET", 60);
        assertThat(dev.accessLogFormat()).isEqualTo("clf");
        assertThat(dev.accessLogFile()).isNull();
        assertThat(prod.throttle()).isEqualTo(new StageThrottle(5, 10));
        assertThat(prod.routeThrottles()).isEqualTo(Map.of("/pets/GET", new StageThrottle(1, 2)));
        assertThat(prod.stageCache().ttlSeconds()).isEqualTo(300);
        assertThat(prod.stageCache().methodTtls()).isEqualTo(Map.of("/pets/GET", 60, "/toys/GET", 10));
        assertThat(prod.stageCache().unauthorizedStrategy()).isEqualTo(UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403);
        assertThat(prod.accessLogFormat()).isEqualTo("json");
        assertThat(prod.accessLogFile()).isEqualTo(dir.resolve("logs/prod.log"));
    }

    @Test
    void an_unknown_stage_setting_is_named_with_its_line() {
        assertThatThrownBy(() -> read("stages:\n  prod: {throtle: \"1:2\"}\n"))
                .isInstanceOf(CliException.class).hasMessageContaining("line 3").hasMessageContaining("throtle");
    }
}
