package dev.apigw.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.HttpApi;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import dev.apigw.model.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The HTTP API Lambda authorizer mechanism on its own: startup checks, identity sources, answers, caching. */
class HttpLambdaAuthorizersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Integration MOCK = new Integration.Mock(IntegrationOptions.defaults(30_000));
    private static final String ARN_PREFIX = "arn:aws:execute-api:us-east-1:000000000000:abc123defg/$default/";

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastEvent = new AtomicReference<>();
    private final AtomicReference<InvocationOptions> lastOptions = new AtomicReference<>();
    private final List<String> problems = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static Authorizer authorizer(List<String> sources, int ttl, PayloadFormatVersion format, boolean simple) {
        return new Authorizer("auth", AuthorizerType.REQUEST, new FunctionRef("AuthFn", "AuthFn"), null, sources, null,
                ttl, format, simple, null, List.of(), null);
    }

    private static Authorizer simple(String... sources) {
        return authorizer(List.of(sources), 300, PayloadFormatVersion.V2_0, true);
    }

    private HttpLambdaAuthorizers authorizers(Authorizer authorizer, LambdaFunction function) {
        HttpApi api = new HttpApi("t", List.of(), null, Map.of(authorizer.name(), authorizer));
        LambdaFunction counting = (payload, options) -> {
            calls.incrementAndGet();
            lastEvent.set(new String(payload, StandardCharsets.UTF_8));
            lastOptions.set(options);
            return function.invoke(payload, options);
        };
        return HttpLambdaAuthorizers.compile(api, Map.of("env", "test"), new Functions(Map.of("AuthFn", counting)),
                "000000000000", "abc123defg", problems, clock);
    }

    private static LambdaFunction returning(String json) {
        return (payload, options) -> new InvocationResult.Success(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String policy(String effect, String resource) {
        return "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":\"" + resource + "\"}]}}";
    }

    /** A GET on an HTTP API route secured by "auth", on the $default stage. */
    private static AuthorizationResult get(HttpLambdaAuthorizers authorizers, String path, String query,
            Headers headers) {
        String routeKey = "GET " + path;
        Route model = new Route(RouteKey.parse(routeKey), null, MOCK, List.of(new SecurityRequirement("auth",
                List.of())), null);
        GatewayRequest request = GatewayRequest.of("GET", path + (query.isEmpty() ? "" : "?" + query), headers,
                new byte[0]);
        MatchedRoute route = new MatchedRoute("$default", path, path, routeKey, routeKey, "GET", MOCK, Map.of(), null,
                model);
        RequestContext context = new RequestContext("req-1", "req-1", Instant.parse("2024-01-02T03:04:05Z"),
                "000000000000", "abc123defg", "dep123", "localhost", "localhost", "HTTP/1.1", "127.0.0.1", null,
                Map.of("env", "test"));
        return authorizers.authorize(route, request, context);
    }

    private static AuthorizationResult get(HttpLambdaAuthorizers authorizers, String path, String... headers) {
        return get(authorizers, path, "", Headers.of(headers));
    }

    private static void assertDenied(AuthorizationResult result, int status, String body) {
        assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Denied.class, denied -> {
            assertThat(denied.status()).isEqualTo(status);
            assertThat(denied.body()).isEqualTo(body);
            assertThat(denied.errorType()).isNull();
        });
    }

    @Nested
    class Startup {
        @Test
        void identity_sources_in_rest_syntax_are_problems() {
            authorizers(simple("method.request.header.Authorization"), returning("{}"));

            assertThat(problems).singleElement().asString()
                    .contains("authorizer auth", "'method.request.header.Authorization'", "$request.header.NAME");
        }

        @Test
        void simple_responses_with_payload_1_0_are_a_problem() {
            authorizers(authorizer(List.of("$request.header.Authorization"), 0, PayloadFormatVersion.V1_0, true),
                    returning("{}"));

            assertThat(problems).singleElement().asString().contains("enableSimpleResponses", "\"2.0\"");
        }

        @Test
        void every_documented_source_form_is_accepted() {
            authorizers(simple("$request.header.Authorization", "$request.querystring.tenant", "$context.routeKey",
                    "$stageVariables.env"), returning("{}"));

            assertThat(problems).isEmpty();
        }

        @Test
        void jwt_authorizers_are_not_this_mechanisms_business() {
            Authorizer jwt = new Authorizer("auth", AuthorizerType.JWT, null, null,
                    List.of("$request.header.Authorization"), null, 0, null, false,
                    new dev.apigw.model.JwtConfiguration("https://issuer", List.of("aud")), List.of(), null);
            HttpLambdaAuthorizers authorizers = authorizers(jwt, returning("{}"));

            assertThat(get(authorizers, "/pets", "Authorization", "t")).isNull();
            assertThat(problems).isEmpty();
        }
    }

    @Nested
    class IdentitySources {
        @Test
        void header_names_ignore_case_and_query_names_do_not() {
            HttpLambdaAuthorizers authorizers = authorizers(
                    simple("$request.header.X-User", "$request.querystring.tenant"),
                    returning("{\"isAuthorized\":true}"));

            assertDenied(get(authorizers, "/pets", "Tenant=a", Headers.of("x-user", "u")), 401,
                    "{\"message\":\"Unauthorized\"}");
            assertThat(get(authorizers, "/pets", "tenant=a", Headers.of("x-user", "u")))
                    .isInstanceOf(AuthorizationResult.Allowed.class);
            assertThat(calls).hasValue(1);
        }

        @Test
        void context_and_stage_variables_feed_the_identity() throws Exception {
            HttpLambdaAuthorizers authorizers = authorizers(simple("$context.routeKey", "$stageVariables.env"),
                    returning("{\"isAuthorized\":true}"));

            get(authorizers, "/pets");

            JsonNode event = JSON.readTree(lastEvent.get());
            assertThat(event.get("identitySource").toString()).isEqualTo("[\"GET /pets\",\"test\"]");
            assertThat(event.get("stageVariables").toString()).isEqualTo("{\"env\":\"test\"}");
        }

        @Test
        void an_unknown_stage_variable_is_401() {
            HttpLambdaAuthorizers authorizers = authorizers(simple("$stageVariables.missing"),
                    returning("{\"isAuthorized\":true}"));

            assertDenied(get(authorizers, "/pets"), 401, "{\"message\":\"Unauthorized\"}");
            assertThat(calls).hasValue(0);
        }
    }

    @Nested
    class Answers {
        @Test
        void the_function_gets_ten_seconds_and_a_timeout_is_500() {
            HttpLambdaAuthorizers authorizers = authorizers(simple("$request.header.Authorization"),
                    (payload, options) -> {
                        throw new DeadlineExceededException(options.functionName(), options.deadline());
                    });

            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500,
                    "{\"message\":\"Internal Server Error\"}");
            assertThat(lastOptions.get().deadline()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void simple_response_context_keeps_json_types_and_has_no_principal() {
            HttpLambdaAuthorizers authorizers = authorizers(simple("$request.header.Authorization"),
                    returning("{\"isAuthorized\":true,\"context\":{\"n\":1,\"b\":true,\"l\":[1],\"m\":{\"k\":\"v\"}}}"));

            AuthorizationResult result = get(authorizers, "/pets", "Authorization", "t");

            assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Allowed.class, allowed -> {
                assertThat(allowed.principal()).isEqualTo(new Principal.Lambda(null,
                        Map.of("n", 1, "b", true, "l", List.of(1), "m", Map.of("k", "v"))));
                assertThat(allowed.usageIdentifierKey()).isNull();
            });
        }

        @Test
        void is_authorized_must_be_a_boolean() {
            HttpLambdaAuthorizers authorizers = authorizers(simple("$request.header.Authorization"),
                    returning("{\"isAuthorized\":\"true\"}"));

            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500,
                    "{\"message\":\"Internal Server Error\"}");
        }

        @Test
        void a_policy_allowing_another_route_is_403() {
            HttpLambdaAuthorizers authorizers = authorizers(
                    authorizer(List.of("$request.header.Authorization"), 0, PayloadFormatVersion.V2_0, false),
                    returning(policy("Allow", ARN_PREFIX + "GET/other")));

            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 403, "{\"message\":\"Forbidden\"}");
        }

        @Test
        void a_policy_without_policy_document_is_500() {
            HttpLambdaAuthorizers authorizers = authorizers(
                    authorizer(List.of("$request.header.Authorization"), 0, PayloadFormatVersion.V2_0, false),
                    returning("{\"isAuthorized\":true}"));

            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500,
                    "{\"message\":\"Internal Server Error\"}");
        }

        @Test
        void payload_1_0_context_follows_rest_rules() {
            HttpLambdaAuthorizers authorizers = authorizers(
                    authorizer(List.of("$request.header.Authorization"), 0, PayloadFormatVersion.V1_0, false),
                    returning("{\"principalId\":\"p\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                            + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]},"
                            + "\"context\":{\"list\":[1]}}"));

            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500,
                    "{\"message\":\"Internal Server Error\"}");
        }
    }

    @Nested
    class Caching {
        @Test
        void a_cached_policy_is_evaluated_against_each_route_arn() {
            HttpLambdaAuthorizers authorizers = authorizers(
                    authorizer(List.of("$request.header.Authorization"), 300, PayloadFormatVersion.V2_0, false),
                    returning(policy("Allow", ARN_PREFIX + "GET/pets")));

            assertThat(get(authorizers, "/pets", "Authorization", "t")).isInstanceOf(AuthorizationResult.Allowed.class);
            assertDenied(get(authorizers, "/other", "Authorization", "t"), 403, "{\"message\":\"Forbidden\"}");
            assertThat(calls).hasValue(1);
        }

        @Test
        void without_identity_sources_nothing_is_cached() {
            HttpLambdaAuthorizers authorizers = authorizers(simple(), returning("{\"isAuthorized\":true}"));

            get(authorizers, "/pets");
            get(authorizers, "/pets");

            assertThat(calls).hasValue(2);
        }

        @Test
        void errors_are_not_cached_and_clear_cache_forgets_answers() {
            AtomicInteger attempt = new AtomicInteger();
            HttpLambdaAuthorizers authorizers = authorizers(simple("$request.header.Authorization"),
                    (payload, options) -> attempt.incrementAndGet() == 1
                            ? new InvocationResult.FunctionError("Error", "boom", List.of(), new byte[0])
                            : new InvocationResult.Success("{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8)));

            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500,
                    "{\"message\":\"Internal Server Error\"}");
            assertThat(get(authorizers, "/pets", "Authorization", "t")).isInstanceOf(AuthorizationResult.Allowed.class);
            authorizers.clearCache();
            get(authorizers, "/pets", "Authorization", "t");

            assertThat(calls).hasValue(3);
        }
    }
}
