package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden templates: {@code src/test/resources/templates/<case>.vm} rendered with the request described in
 * {@code <case>.json} must give {@code <case>.expected} byte for byte. The cases come from AWS's documentation
 * examples and the rendering quirks recorded on real AWS (AWS-REFERENCE 6.2). Run with
 * {@code -Dtemplates.update=true} to rewrite the expected files after a deliberate change, then review the diff.
 */
class TemplateCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/templates");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MappingTemplates TEMPLATES = new MappingTemplates();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".vm"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renders_like_api_gateway(String name) throws IOException {
        String template = Files.readString(CORPUS.resolve(name + ".vm"));
        JsonNode input = JSON.readTree(CORPUS.resolve(name + ".json").toFile());
        String rendered = render(template, input);
        Path expected = CORPUS.resolve(name + ".expected");
        if (Boolean.getBoolean("templates.update")) {
            Files.writeString(expected, rendered);
        }
        assertThat(rendered).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void the_corpus_has_at_least_25_cases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(25);
    }

    static String render(String template, JsonNode input) {
        Exchange exchange = exchange(input);
        ContextVariable context = ContextVariable.of(exchange);
        input.path("context").fields().forEachRemaining(e -> context.set(e.getKey(), e.getValue().asText()));
        MethodRequestParameters parameters =
                MethodRequestParameters.of(exchange.request(), exchange.route().pathParameters());
        InputVariable variable = new InputVariable(input.path("body").asText(""), parameters);
        TemplateScope scope = new TemplateScope(variable, context, strings(input.path("stageVariables")),
                new UtilVariable());
        return TEMPLATES.render(TEMPLATES.compile(template, "templates/case.vm"), scope);
    }

    /** A REST request on stage {@code dev} with fixed ids and time, shaped by the case's JSON. */
    static Exchange exchange(JsonNode input) {
        String method = input.path("method").asText("GET");
        String path = input.path("path").asText("/");
        List<Header> headers = new ArrayList<>();
        input.path("headers").forEach(pair -> headers.add(new Header(pair.get(0).asText(), pair.get(1).asText())));
        Headers requestHeaders = new Headers(headers);
        Instant time = Instant.parse("2020-03-04T19:15:17.135Z");
        GatewayRequest request = new GatewayRequest(method, "/dev" + path, input.path("query").asText(""),
                requestHeaders, input.path("body").asText("").getBytes(StandardCharsets.UTF_8), "203.0.113.7", time);
        String host = requestHeaders.first("Host").orElse("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        Map<String, String> stageVariables = strings(input.path("stageVariables"));
        RequestContext context = new RequestContext("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "JJbxmplHYosFVYQ=", time,
                "123456789012", "a1b2c3d4e5", "dep7ab", host, host.split("[.:]")[0], "HTTP/1.1", "203.0.113.7",
                requestHeaders.first("User-Agent").orElse(null), stageVariables);
        MatchedRoute route = new MatchedRoute("dev", path, input.path("resourcePath").asText(path), null, "r3s0id",
                method, new Integration.Mock(IntegrationOptions.defaults(29_000)),
                strings(input.path("pathParameters")), null);
        return new Exchange(request, route, context, List.of());
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
