package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine: AWS's rendering rules, limits, error messages, caching and shared {@code $context} overrides. */
class MappingTemplatesTest {
    private final MappingTemplates templates = new MappingTemplates();
    private final ContextVariable context = ContextVariable.of(ContextVariableTest.exchange());

    private String render(String template, String body) {
        return render(templates, template, body, context);
    }

    static String render(MappingTemplates templates, String template, String body, ContextVariable context) {
        InputVariable input = new InputVariable(body, MethodRequestParameters.none());
        return templates.render(templates.compile(template, "test.vm"),
                new TemplateScope(input, context, Map.of("env", "test"), new UtilVariable()));
    }

    @Test
    void renders_references_without_a_value_as_nothing() {
        assertThat(render("[$missing][$missing.x][${missing}][$input.path('$.nope')][$input.path('$.nope').x]", "{}"))
                .isEqualTo("[][][][][]");
    }

    @Test
    void offers_input_context_stage_variables_and_util() {
        assertThat(render("$input.path('$.a') $context.stage $stageVariables.env $util.urlEncode('a b')", "{\"a\":1}"))
                .isEqualTo("1 prod test a+b");
    }

    @Test
    void keeps_a_variable_when_set_to_null_as_velocity_1_7_did() {
        assertThat(render("#set($x = 'old')#set($x = $input.path('$.nope'))$x", "{}")).isEqualTo("old");
    }

    @Nested
    class Limits {
        @Test
        void stops_a_foreach_after_1000_iterations() {
            String array = IntStream.range(0, 1500).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
            String out = render("#foreach($i in $input.path('$'))x#end", array);
            assertThat(out).hasSize(1000);
        }

        @Test
        void limits_each_loop_on_its_own() {
            String out = render("#foreach($i in [1..1200])#foreach($j in [1..2])y#end#end", "{}");
            assertThat(out).hasSize(2000);
        }

        @Test
        void accepts_a_template_of_300_kb_and_rejects_a_bigger_one() {
            String limit = "a".repeat(MappingTemplates.MAX_TEMPLATE_BYTES);
            assertThat(templates.compile(limit, "big.vm").location()).isEqualTo("big.vm");
            assertThatThrownBy(() -> templates.compile(limit + "é", "paths./x.get.requestTemplates.application/json"))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("paths./x.get.requestTemplates.application/json: the template is 307202 bytes; "
                            + "API Gateway allows at most 300 KB (307200 bytes)");
        }
    }

    @Nested
    class Errors {
        @Test
        void reports_a_parse_error_in_one_sentence_with_line_and_column() {
            assertThatThrownBy(() -> templates.compile("{\n  \"a\": 1\n  #end\n}", "paths./pets.get.x.requestTemplates.application/json"))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("paths./pets.get.x.requestTemplates.application/json line 3, column 3: Encountered \"#end\"");
        }

        @Test
        void names_the_end_of_the_template_when_a_directive_is_left_open() {
            assertThatThrownBy(() -> templates.compile("#if($a)\nx", "t.vm"))
                    .hasMessage("t.vm line 2, column 2: Encountered \"<EOF>\"");
        }

        @Test
        void reports_a_failing_method_with_location_and_cause_on_one_line() {
            assertThatThrownBy(() -> render("ok\n $util.base64Decode('%%%')", "{}"))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("test.vm line 2, column 8: method 'base64Decode' threw IllegalArgumentException: "
                            + "Illegal base64 character 25");
        }

        @Test
        void reports_a_body_that_is_not_json_when_a_template_reads_it() {
            assertThatThrownBy(() -> render("$input.json('$')", "{\"a\":"))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("test.vm line 1, column 8: method 'json' threw IllegalArgumentException: the payload is "
                            + "not JSON (Unexpected End Of File position 4: EOF)")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void cannot_include_files() {
            assertThatThrownBy(() -> render("#include('/etc/hostname')", "{}")).isInstanceOf(TemplateException.class);
            assertThatThrownBy(() -> render("#parse('pom.xml')", "{}")).isInstanceOf(TemplateException.class);
        }
    }

    @Nested
    class Caching {
        @Test
        void parses_the_same_text_once() {
            Template first = templates.compile("$input.body", "a.vm");
            Template second = templates.compile("$input.body", "b.vm");
            assertThat(second.parsed()).isSameAs(first.parsed());
            assertThat(second.location()).isEqualTo("b.vm");
            assertThat(templates.compile("$input.json('$')", "c.vm").parsed()).isNotSameAs(first.parsed());
        }

        @Test
        void keeps_each_gateways_templates_apart() {
            MappingTemplates other = new MappingTemplates();
            assertThat(other.compile("$input.body", "a.vm").parsed())
                    .isNotSameAs(templates.compile("$input.body", "a.vm").parsed());
            render("#macro(greet)hello#end#greet()", "{}");
            assertThat(render(other, "#greet()", "{}", context)).isEqualTo("#greet()");
        }

        @Test
        void renders_one_template_from_many_threads() throws Exception {
            Template template = templates.compile("#foreach($i in $input.path('$.n'))$i#end", "t.vm");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String body = "{\"n\":[" + i + "," + i + "]}";
                    results.add(pool.submit(() -> templates.render(template, new TemplateScope(
                            new InputVariable(body, MethodRequestParameters.none()), context, Map.of(),
                            new UtilVariable()))));
                }
                for (int i = 0; i < 40; i++) {
                    assertThat(results.get(i).get()).isEqualTo("" + i + i);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class SharedContext {
        @Test
        void lets_the_response_template_read_what_the_request_template_set() {
            render("#set($context.responseOverride.status = 444)"
                    + "#set($context.requestOverride.header.X-Trace = 'abc')"
                    + "#set($context.responseOverride.note = 'extra keys are kept')", "{}");
            assertThat(render("$context.responseOverride.status $context.requestOverride.header.X-Trace "
                    + "$context.responseOverride.note", "{\"from\":\"backend\"}"))
                    .isEqualTo("444 abc extra keys are kept");
            assertThat(context.responseStatusOverride()).hasValue(444);
            assertThat(context.requestHeaderOverrides()).containsEntry("X-Trace", "abc");
        }

        @Test
        void accepts_bracket_keys_and_put_on_the_override_maps() {
            render("#set($context.responseOverride.header['X-A'] = 'a')"
                    + "#set($ignored = $context.responseOverride.header.put('X-B', 'b'))"
                    + "#set($context['responseOverride']['status'] = 201)", "{}");
            assertThat(context.responseHeaderOverrides()).containsExactly(Map.entry("X-A", "a"), Map.entry("X-B", "b"));
            assertThat(context.responseStatusOverride()).hasValue(201);
        }
    }
}
