package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The render budget through the real Velocity path: templates that would hang a thread or fill the heap fail with one
 * sentence naming the template and the bound, within seconds, and templates inside the bounds still render.
 */
class MappingTemplatesBoundsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private final MappingTemplates templates = new MappingTemplates();

    private String render(String template, String body) {
        InputVariable input = new InputVariable(body, MethodRequestParameters.none());
        return assertTimeoutPreemptively(GENEROUS, () -> templates.render(templates.compile(template, "bounds.vm"),
                new TemplateScope(input, ContextVariable.of(ContextVariableTest.exchange()), Map.of(),
                        new UtilVariable())));
    }

    private String render(String template) {
        return render(template, "{\"a\":1}");
    }

    /** A loop or macro bomb ends at the step bound or, on a slow machine, at the render deadline. */
    private void assertTooMuchWork(String template) {
        assertThatThrownBy(() -> render(template))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("bounds.vm: the template ")
                .hasMessageMatching(".*(runs more than 2000000 loop bodies, macro calls and branches|did not finish"
                        + " within 10 seconds).*");
    }

    private void assertFails(String template, String because) {
        assertThatThrownBy(() -> render(template))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("bounds.vm")
                .hasMessageContaining(because)
                .hasMessageNotContaining("\n");
    }

    @Test
    void output_is_at_most_sixteen_million_characters() {
        String body = "\"" + "x".repeat(100_000) + "\"";
        assertThatThrownBy(() -> render("#foreach($i in [1..200])$input.body#end", body))
                .isInstanceOf(TemplateException.class)
                .hasMessage("bounds.vm: the template renders more than 16777216 characters. Make it do less per"
                        + " request.");
        assertThat(render("#foreach($i in [1..150])$input.body#end", body)).hasSize(150 * body.length());
    }

    @Test
    void nested_loops_of_a_thousand_end_with_an_error() {
        assertTooMuchWork("#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])#end#end#end");
        assertThat(render("#set($n = 0)#foreach($i in [1..1000])#foreach($j in [1..1000])#set($n = $n + 1)#end#end$n"))
                .isEqualTo("1000000");
    }

    @Test
    void string_doubling_ends_with_an_error() {
        assertFails("#set($a = 'x')#foreach($i in [1..100])#set($a = \"$a$a\")#end$a.length()",
                "characters");
        assertFails("#set($a = 'x')" + "#set($a = \"$a$a\")".repeat(64), "characters");
        assertFails("#set($a = 'xy')#foreach($i in [1..100])#set($a = $a.concat($a))#end", "the result of concat()");
        assertThat(render("#set($a = 'x')#foreach($i in [1..10])#set($a = \"$a$a\")#end$a.length()"))
                .isEqualTo("1024");
    }

    @Test
    void a_huge_repeat_is_refused_before_it_allocates() {
        assertFails("$input.body.repeat(2000000000)", "makes a repeated string of 14000000000 characters");
        assertThat(render("'a'.repeat(3) $input.body.repeat(2)")).isEqualTo("'a'.repeat(3) {\"a\":1}{\"a\":1}");
    }

    @Test
    void collections_that_double_end_with_an_error() {
        assertFails("#set($l = [1])#foreach($i in [1..100])#set($ok = $l.addAll($l))#end$l.size()",
                "the value addAll() changed of 1048576 elements");
    }

    @Test
    void integer_ranges_are_bounded_before_the_list_is_made() {
        assertFails("#foreach($i in [1..100000000])$i#end",
                "makes the range [1..100000000] of 100000000 elements; at most 1000000 are allowed");
        assertFails("#set($r = [2147483647..-2147483648])", "of 4294967296 elements");
        assertThat(render("#foreach($i in [3..1])$i#end")).isEqualTo("321");
        assertThat(render("#set($r = [1..1000000])$r.size()")).isEqualTo("1000000");
    }

    @Test
    void evaluate_recursion_ends_with_an_error() {
        assertFails("#set($t = '#evaluate($t)')#evaluate($t)", "nests #evaluate more than 20 deep");
        assertFails("#set($t = '#evaluate($t)#evaluate($t)#evaluate($t)')#evaluate($t)",
                "nests #evaluate more than 20 deep");
        assertThat(render("#set($t = '#set($x = $x + 1)')#set($x = 0)#evaluate($t)#evaluate($t)$x")).isEqualTo("2");
    }

    @Test
    void evaluated_text_keeps_the_budget_and_aws_null_equality() {
        assertTooMuchWork("#evaluate('#foreach($i in [1..1000])#foreach($j in [1..1000])#foreach($k in [1..1000])"
                + "#end#end#end')");
        assertThat(render("#evaluate('#if($input.path(\"$.missing\") == \"\")empty#end')")).isEqualTo("empty");
    }

    @Test
    void macro_recursion_and_fan_out_end_with_an_error() {
        assertThatThrownBy(() -> render("#macro(m)#m()#end#m()"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("bounds.vm")
                .hasMessageNotContaining("\n");
        // Four calls per level, 15 levels: a billion calls, each within the depth bound.
        assertTooMuchWork("#macro(m)#set($d = $d + 1)#if($d < 15)#m()#m()#m()#m()#end#set($d = $d - 1)#end"
                + "#set($d = 0)#m()");
    }

    @Test
    void a_regular_expression_that_backtracks_for_ever_ends_at_the_deadline() {
        // Polynomial backtracking of degree 12: minutes on a JDK 17 without the deadline.
        assertFails("#set($s = '" + "a".repeat(40) + "')$s.matches('(.*a){12}b')", "did not finish within 10 seconds");
    }

    @Test
    void regular_expression_methods_answer_as_the_jdk_does() {
        assertThat(render("#set($s = \"it's a,b\")$s.replaceAll(\"'\", \"\\\\'\") $s.replaceFirst('[ab]', 'X')"
                + " $s.matches('.*,b') $s.split(',')[1] $s.split(',', 1).size()"))
                .isEqualTo("it\\'s a,b it's X,b true b 1");
        assertThatThrownBy(() -> render("$input.body.matches('(')"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("bounds.vm line 1, column ")
                .hasMessageContaining("method 'matches' threw PatternSyntaxException");
    }

    @Test
    void define_recursion_stops_at_two_levels_as_in_velocity() {
        // directive.define.max_depth = 2: the third level prints the reference itself.
        assertThat(render("#define($d)x$d$d#end$d")).isEqualTo("xx$d$dx$d$d");
    }
}
