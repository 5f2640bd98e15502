package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apigw validate} and the support report: listed always, refused with {@code --strict}. */
class ValidateCommandTest {
    private static final String UNENFORCED = "src/test/resources/specs/unenforced-rest.yaml";
    private static final String CLEAN = "src/test/resources/specs/rest-api.yaml";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), new CountDownLatch(0), args);
    }

    @Test
    void validate_lists_the_unenforced_settings_with_their_locations_and_still_exits_0() {
        assertThat(run("validate", "--spec", UNENFORCED)).isEqualTo(0);

        assertThat(out.toString().lines().filter(line -> line.startsWith("NOT ENFORCED ")).toList()).hasSize(6)
                .contains("NOT ENFORCED x-amazon-apigateway-security-policy at " + UNENFORCED + " line 11"
                        + " (x-amazon-apigateway-security-policy): apigw serves plain HTTP, so TLS versions and cipher"
                        + " suites are not restricted");
        assertThat(out.toString().lines()).endsWith(UNENFORCED + ": 0 error(s), 0 warning(s), 6 setting(s) not enforced");
    }

    @Test
    void validate_strict_exits_1_when_a_setting_is_not_enforced() {
        assertThat(run("validate", "--strict", "--spec", UNENFORCED)).isEqualTo(1);

        assertThat(out.toString().lines().filter(line -> line.startsWith("ERROR ")).toList()).hasSize(6)
                .contains("ERROR x-amazon-apigateway-integration.connectionType at " + UNENFORCED + " line 40"
                        + " (paths./legacy/{proxy+}.x-amazon-apigateway-any-method.x-amazon-apigateway-integration"
                        + ".connectionType): apigw calls the uri from this machine, not through VPC link vl1234");
        assertThat(out.toString()).contains("6 setting(s) not enforced (refused by --strict)")
                .doesNotContain("NOT ENFORCED");
    }

    @Test
    void validate_strict_of_a_clean_document_exits_0() {
        assertThat(run("validate", "--strict", "--spec", CLEAN)).isEqualTo(0);

        assertThat(out.toString().lines()).last().asString().startsWith(CLEAN + ": 0 error(s)")
                .endsWith(", 0 setting(s) not enforced");
        assertThat(out.toString()).doesNotContain("NOT ENFORCED");
    }

    @Test
    void strict_in_the_project_file_makes_validate_strict_too(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("apigw.yaml");
        Files.writeString(project, "spec: " + Path.of(UNENFORCED).toAbsolutePath() + "\nstrict: true\n");

        assertThat(run("validate", "--config", project.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("(refused by --strict)");
    }
}
