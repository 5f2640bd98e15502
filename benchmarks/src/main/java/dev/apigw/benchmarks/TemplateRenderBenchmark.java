package dev.apigw.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.InputVariable;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.MethodRequestParameters;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.mapping.TemplateScope;
import dev.apigw.emulator.mapping.UtilVariable;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering a cached 20-line request template over a 2 KB JSON body, as the gateway does per request: a fresh
 * {@code $input} and {@code $context} each time, the parsed template from the cache. The baseline in the same run
 * is one Jackson read and write of the same body, so the README can report the cost as a ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateRenderBenchmark {
    static final String TEMPLATE = """
            #set($order = $input.path('$'))
            {
              "orderId": "$input.params('id')",
              "customer": "$util.escapeJavaScript($order.customer.name)",
              "email": "$order.customer.email",
              "items": [
            #foreach($item in $order.items)
                {"sku": "$item.sku", "quantity": $item.quantity, "price": $item.price}#if($foreach.hasNext),#end
            #end
              ],
              "itemCount": $order.items.size(),
              "notes": $input.json('$.notes'),
              "source": "$input.params().header.get('User-Agent')",
              "requestId": "$context.requestId",
              "stage": "$context.stage",
              "sourceIp": "$context.identity.sourceIp",
              "table": "$stageVariables.table",
              "receivedAt": "$context.requestTime",
              "encoded": "$util.urlEncode($order.customer.name)"
            }
            """;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MappingTemplates engine;
    private Template template;
    private Exchange exchange;
    private MethodRequestParameters parameters;
    private String body;
    private final UtilVariable util = new UtilVariable();
    private final Map<String, String> stageVariables = Map.of("table", "orders");

    @Setup
    public void setUp() {
        engine = new MappingTemplates();
        template = engine.compile(TEMPLATE, "benchmark");
        body = orderOfAbout2Kb();
        GatewayRequest request = GatewayRequest.of("POST", "/dev/orders/42?verbose=true",
                Headers.of("Content-Type", "application/json", "User-Agent", "bench/1.0"), body);
        MatchedRoute route = new MatchedRoute("dev", "/orders/42", "/orders/{id}", null, "abc123", "POST",
                new Integration.Mock(IntegrationOptions.defaults(29_000)), Map.of("id", "42"), null);
        RequestContext context = new RequestContext("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "R1knPH17NjMFftw=",
                Instant.now(), "000000000000", "a1b2c3d4e5", "d3p10y", "localhost", "localhost", "HTTP/1.1",
                "127.0.0.1", "bench/1.0", stageVariables);
        exchange = new Exchange(request, route, context, List.of());
        parameters = MethodRequestParameters.of(request, route.pathParameters());
    }

    @Benchmark
    public String renderRequestTemplate() {
        TemplateScope scope = new TemplateScope(new InputVariable(body, parameters), ContextVariable.of(exchange),
                stageVariables, util);
        return engine.render(template, scope);
    }

    /** The baseline: reading the same body into a Jackson tree and writing it back, once. */
    @Benchmark
    public String baselineJacksonRoundTrip() throws Exception {
        return MAPPER.writeValueAsString(MAPPER.readTree(body));
    }

    static String orderOfAbout2Kb() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + i)
                    .append("\",\"quantity\":").append(i % 5 + 1).append(",\"price\":").append(9.99 + i)
                    .append(",\"description\":\"an item of the benchmark order\"}");
        }
        String order = "{\"customer\":{\"name\":\"Ada O'Lovelace\",\"email\":\"ada@example.com\"},\"items\":["
                + items + "],\"notes\":[\"leave at the door\",\"fragile\"]}";
        return new String(order.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
