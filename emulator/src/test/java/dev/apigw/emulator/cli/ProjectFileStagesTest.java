package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void without_stages_the_one_stage_is_served() throws Exception {
        GatewayConfig config = read("stage: beta\n");

        assertThat(config.stageConfigs()).containsExactly(config);
    }
}
