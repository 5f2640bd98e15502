package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The introspector: a template reaches strings, numbers, maps, lists, {@code $input} and {@code $util}, never
 * {@code Class}, class loaders, {@code Runtime}, {@code System} or reflection. Each escape attempt renders as
 * nothing, the way an unresolved reference does.
 */
class MappingTemplatesSecurityTest {
    private final MappingTemplates templates = new MappingTemplates();

    private String render(String template) {
        InputVariable input = new InputVariable("{\"a\":{\"b\":[1]}}", MethodRequestParameters.none());
        return templates.render(templates.compile(template, "attack.vm"), new TemplateScope(input,
                ContextVariable.of(ContextVariableTest.exchange()), Map.of("env", "test"), new UtilVariable()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$input.getClass()",
        "{$input.getClass",
        "$input.getClass.name $util.getClass $context.getClass $input.path('$').getClass",
        "$input.class",
        "$input.getClass().forName('java.lang.Runtime')",
        "$input.class.forName('java.lang.Runtime').getRuntime()",
        "$util.class.classLoader",
        "$util.getClass().getClassLoader()",
        "$context.getClass()",
        "$context.class.name",
        "$stageVariables.getClass().getProtectionDomain()",
        "$input.body.getClass().forName('java.lang.System')",
        "$input.path('$').getClass().getClassLoader().loadClass('java.lang.Runtime')",
        "$input.path('$.a.b').getClass().getMethods()",
        "$input.params().entrySet().iterator().next().getClass()",
        "#set($s = 'x')$s.getClass().getDeclaredMethods()",
        "#set($t = 'a,b')#set($arr = $t.split(','))$arr.getClass().getComponentType()",
        "#set($i = 0)$i.getClass().forName('java.lang.Thread')",
        "#foreach($x in [1])$foreach.getClass()$foreach.class$foreach.info.template.class#end",
        "#set($c = $input.getClass())#foreach($m in $c.getMethods())$m#end",
    })
    void never_reaches_class_objects(String attempt) {
        assertThat(render(attempt)).doesNotContain("class", "java.", "Runtime", "ClassLoader", "Method");
    }

    @Test
    void cannot_read_system_properties_through_the_wrapper_getters() {
        System.setProperty("apigw.secret.flag", "true");
        System.setProperty("apigw.secret.number", "42");
        try {
            assertThat(render("#set($b = true)[$b.getBoolean('apigw.secret.flag')]"
                    + "#set($i = 0)[$i.getInteger('apigw.secret.number')][$i.getLong('apigw.secret.number')]"))
                    .isEqualTo("[][][]");
        } finally {
            System.clearProperty("apigw.secret.flag");
            System.clearProperty("apigw.secret.number");
        }
    }

    @Test
    void cannot_run_a_process(@TempDir Path dir) {
        Path marker = dir.resolve("pwned");
        render("$input.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + marker + "')"
                + "$util.class.forName('java.lang.ProcessBuilder')");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void still_offers_the_methods_templates_use() {
        assertThat(render("#set($Integer = 0)$Integer.parseInt('42') $input.path('$.a').keySet()"
                + " $input.path('$.a.b').size() $input.path('$.a.b')[0] $input.path('$.a').get('b')"))
                .isEqualTo("42 [b] 1 1 [1]");
        assertThat(render("#set($s = 'Ab')#set($t = 'x,y')$s.toLowerCase() $t.split(',')[1] $t.length()"))
                .isEqualTo("ab y 3");
    }
}
