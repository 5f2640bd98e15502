package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.apigw.emulator.FunctionConfig;
import dev.apigw.emulator.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file's keys for the flags that once had none: journal size, observability, watch, hot reload, function configs. */
class ProjectFileSettingsTest {
    @TempDir
    Path dir;

    private GatewayConfig read(String text) throws Exception {
        return ProjectFileText.read(dir, text);
    }

    @Test
    void journal_observability_watch_and_hot_reload_are_read() throws Exception {
        GatewayConfig config = read("""
                journalSize: 5
                observability: false
                watch: true
                hotReload: false
                """);

        assertThat(config.journalSize()).isEqualTo(5);
        assertThat(config.observability()).isFalse();
        assertThat(config.watchSpec()).isTrue();
        assertThat(config.hotReload()).isFalse();
    }

    @Test
    void a_function_config_file_is_read_and_a_functions_own_reserved_concurrency_goes_over_it() throws Exception {
        Files.writeString(dir.resolve("functions.yaml"), """
                Work: {timeout: 5, memorySize: 256, reservedConcurrency: 4}
                Other: {timeout: 2}
                """);
        GatewayConfig config = read("""
                functionConfig: functions.yaml
                functions:
                  Work: {handler: com.example.Work, reservedConcurrency: 1}
                """);

        assertThat(config.functionConfigs().get("Work"))
                .isEqualTo(new FunctionConfig(Duration.ofSeconds(5), 256, 1));
        assertThat(config.functionConfigs().get("Other").timeout()).isEqualTo(Duration.ofSeconds(2));
    }
}
