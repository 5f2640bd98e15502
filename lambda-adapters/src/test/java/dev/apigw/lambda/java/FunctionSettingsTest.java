package dev.apigw.lambda.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    @Test
    void defaults_to_lambdas_timeout_and_memory() {
        FunctionSettings settings = FunctionSettings.defaults("GetPet");

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.memorySizeMb()).isEqualTo(128);
        assertThat(settings.handler()).isNull();
        assertThat(settings.classpath()).isEmpty();
    }

    @Test
    void copies_the_classpath() {
        List<Path> classpath = new ArrayList<>(List.of(Path.of("pets.jar")));
        FunctionSettings settings = FunctionSettings.defaults("GetPet").withClasspath(classpath);

        classpath.clear();

        assertThat(settings.classpath()).containsExactly(Path.of("pets.jar"));
    }

    @Test
    void rejects_a_timeout_that_is_not_positive() {
        assertThatThrownBy(() -> FunctionSettings.defaults("GetPet").withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout of function GetPet must be positive, was PT0S");
    }

    @Test
    void rejects_a_blank_name() {
        assertThatThrownBy(() -> FunctionSettings.defaults(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
