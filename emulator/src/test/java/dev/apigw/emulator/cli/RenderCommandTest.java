package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apigw render}: prints exactly what the gateway's template engine produces, errors as one line. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), new CountDownLatch(0), args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void renders_a_template_with_body_parameters_headers_and_stage_variables() throws IOException {
        Path template = file("t.vm", "{\n  \"name\": \"$input.params('name')\",\n  \"id\": \"$input.params('id')\","
                + "\n  \"agent\": \"$input.params('user-agent')\",\n  \"table\": \"$stageVariables.table\","
                + "\n  \"body\": $input.json('$.pet')\n}\n");
        Path body = file("body.json", "{\"pet\": {\"type\": \"dog\"}}");
        int code = run("render", "--template", template.toString(), "--body", body.toString(),
                "--param", "name=Bella Rose", "--header", "User-Agent=curl/8.0", "--path-param", "id=42",
                "--stage-variable", "table=pets");
        assertThat(code).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).isEqualTo("{\n  \"name\": \"Bella Rose\",\n  \"id\": \"42\",\n  \"agent\": "
                + "\"curl/8.0\",\n  \"table\": \"pets\",\n  \"body\": {\"type\":\"dog\"}\n}\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void takes_context_values_from_defaults_and_overrides() throws IOException {
        Path template = file("ctx.vm", "$context.stage|$context.requestId|$context.identity.sourceIp|"
                + "$context.httpMethod|$context.resourcePath|$context.path");
        assertThat(run("render", "--template", template.toString(), "--context", "requestId=req-1",
                "--context", "identity.sourceIp=10.0.0.1")).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).isEqualTo("dev|req-1|10.0.0.1|POST|/|/dev/");
        out.getBuffer().setLength(0);
        run("render", "--template", template.toString(), "--context", "stage=prod");
        assertThat(out.toString()).startsWith("prod|");
    }

    @Test
    void renders_an_empty_body_as_an_empty_object() throws IOException {
        Path template = file("empty.vm", "$input.body $util.urlEncode($input.body)");
        run("render", "--template", template.toString());
        assertThat(out.toString()).isEqualTo("{} %7B%7D");
    }

    @Test
    void reads_the_body_from_stdin_for_a_dash() throws IOException {
        Path template = file("stdin.vm", "$input.path('$.a')");
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("{\"a\": \"from stdin\"}".getBytes(StandardCharsets.UTF_8)));
        try {
            run("render", "--template", template.toString(), "--body", "-");
        } finally {
            System.setIn(original);
        }
        assertThat(out.toString()).isEqualTo("from stdin");
    }

    @Test
    void reports_a_parse_error_as_one_line_with_the_file_line_and_column() throws IOException {
        Path template = file("broken.vm", "{\n  #foreach($x in $input.path('$'))\n}\n");
        assertThat(run("render", "--template", template.toString())).isEqualTo(Main.EXIT_PROBLEM);
        assertThat(err.toString()).isEqualTo("apigw: " + template + " line 4, column 1: Encountered \"<EOF>\""
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void reports_a_render_error_as_one_line() throws IOException {
        Path template = file("bad-body.vm", "$input.json('$')");
        Path body = file("body.txt", "{\"unterminated\": ");
        assertThat(run("render", "--template", template.toString(), "--body", body.toString()))
                .isEqualTo(Main.EXIT_PROBLEM);
        assertThat(err.toString()).startsWith("apigw: " + template + " line 1, column 8: method 'json' threw")
                .contains("not JSON").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void explains_a_missing_template_file() {
        assertThat(run("render", "--template", dir.resolve("nope.vm").toString())).isEqualTo(Main.EXIT_PROBLEM);
        assertThat(err.toString()).contains("cannot read the template file").contains("nope.vm")
                .doesNotContain("\tat ");
    }

    @Test
    void rejects_a_parameter_without_a_value() throws IOException {
        Path template = file("p.vm", "x");
        assertThat(run("render", "--template", template.toString(), "--param", "novalue"))
                .isEqualTo(Main.EXIT_PROBLEM);
        assertThat(err.toString()).contains("--param expects NAME=VALUE, got 'novalue'");
    }

    @Test
    void is_listed_in_the_help() {
        run("--help");
        assertThat(out.toString()).contains("render");
    }
}
