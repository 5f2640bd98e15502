package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file's {@code stages:} become one single-stage config per stage, variables over the shared ones. */
class ProjectFileStagesTest {
    @TempDir
    Path dir;

    private GatewayConfig read(String text) throws Exception {
        Path file = dir.resolve("apigw.yaml");
        Files.writeString(file, "spec: api.yaml\n" + text);
        GatewayConfig.Builder builder = GatewayConfig.builder();
        ProjectFile.read(file).applyTo(builder, dir);
        return builder.build();
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
}
