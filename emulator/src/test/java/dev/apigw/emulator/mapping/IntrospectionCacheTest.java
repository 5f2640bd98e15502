package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Introspection results are shared across renders of one template (issue 8) without changing any output. */
class IntrospectionCacheTest {
    private final MappingTemplates templates = new MappingTemplates();
    private final ContextVariable context = ContextVariable.empty();

    private String render(Template template, String body) {
        return render(templates, template, body);
    }

    private String render(MappingTemplates engine, Template template, String body) {
        return engine.render(template, new TemplateScope(new InputVariable(body, MethodRequestParameters.none()),
                context, Map.of(), new UtilVariable()));
    }

    @Test
    void a_reference_that_meets_another_type_on_the_next_render_renders_as_on_a_fresh_engine() {
        String text = "#set($v = $input.path('$.v'))$v.size() [$v.empty] [$v.get(0)] [$v.length()]";
        Template template = templates.compile(text, "t.vm");
        String[] bodies = {"{\"v\":[7,8]}", "{\"v\":{\"a\":1,\"empty\":2}}", "{\"v\":\"text\"}", "{\"v\":[9]}",
            "{\"v\":5}", "{\"v\":[true]}"};

        for (String body : bodies) {
            MappingTemplates fresh = new MappingTemplates();
            assertThat(render(template, body)).as(body).isEqualTo(render(fresh, fresh.compile(text, "t.vm"), body));
        }
        assertThat(render(template, bodies[0])).isEqualTo("2 [false] [7] []");
        assertThat(template.introspection().size()).isPositive();
    }

    @Test
    void templates_with_the_same_text_share_what_was_learnt() {
        Template first = templates.compile("$util.urlEncode('a b')", "a.vm");
        Template second = templates.compile("$util.urlEncode('a b')", "b.vm");

        assertThat(render(first, "{}")).isEqualTo("a+b");
        assertThat(second.introspection()).isSameAs(first.introspection());
        assertThat(render(second, "{}")).isEqualTo("a+b");
    }

    @Test
    void nodes_parsed_anew_on_each_render_do_not_grow_the_cache_past_its_bound() {
        Template template = templates.compile("#evaluate('$input.params().path.size()')", "evaluate.vm");

        for (int i = 0; i < 3 * IntrospectionCache.MAX_ENTRIES; i++) {
            assertThat(render(template, "{}")).isEqualTo("0");
        }
        assertThat(template.introspection().size()).isLessThanOrEqualTo(IntrospectionCache.MAX_ENTRIES);
    }
}
