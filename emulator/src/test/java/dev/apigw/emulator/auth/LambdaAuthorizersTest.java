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
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LambdaAuthorizersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Integration MOCK = new Integration.Mock(IntegrationOptions.defaults(29_000));
    private static final String ARN_PREFIX = "arn:aws:execute-api:us-east-1:000000000000:abc123defg/dev/";

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastEvent = new AtomicReference<>();
    private final List<String> problems = new ArrayList<>();

    private static Authorizer authorizer(AuthorizerType type, List<String> sources, @Nullable String validation, int ttl) {
        return new Authorizer("auth", type, new FunctionRef("AuthFn", "AuthFn"), null, sources, validation, ttl,
                null, false, null, List.of(), "custom");
    }

    private static Authorizer token(int ttl) {
        return authorizer(AuthorizerType.TOKEN, List.of("method.request.header.Authorization"), null, ttl);
    }

    private LambdaAuthorizers authorizers(Authorizer authorizer, LambdaFunction function) {
        RestApi api = new RestApi("t", List.of(), Map.of(), Map.of(), List.of(),
                dev.apigw.model.ApiKeySource.HEADER, Map.of(), Map.of(authorizer.name(), authorizer), null, null);
        LambdaFunction counting = (payload, options) -> {
            calls.incrementAndGet();
            lastEvent.set(new String(payload, StandardCharsets.UTF_8));
            return function.invoke(payload, options);
        };
        return LambdaAuthorizers.compile(api, Map.of("env", "test"), new Functions(Map.of("AuthFn", counting)),
                "000000000000", "abc123defg", problems, java.time.Clock.systemUTC());
    }

    private static LambdaFunction returning(String json) {
        return (payload, options) -> new InvocationResult.Success(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String policy(String effect, String resource) {
        return "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":" + resource + "}]}}";
    }

    private static Method secured() {
        return new Method(HttpMethod.GET, null, MOCK, List.of(), Map.of(), false, Map.of(), null,
                List.of(new SecurityRequirement("auth", List.of())), false, null);
    }

    private static AuthorizationResult call(LambdaAuthorizers authorizers, String method, String pathAndQuery,
            String resource, Headers headers) {
        GatewayRequest request = GatewayRequest.of(method, "/dev" + pathAndQuery, headers, new byte[0]);
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Map<String, String> pathParameters = resource.contains("{id}") ? Map.of("id", path.substring(path.lastIndexOf('/') + 1)) : Map.of();
        MatchedRoute route = new MatchedRoute("dev", path, resource, null, "res123", method, MOCK, pathParameters, secured());
        RequestContext context = new RequestContext("req-1", "ext-1", Instant.parse("2024-01-02T03:04:05Z"),
                "000000000000", "abc123defg", "dep123", "localhost", "localhost", "HTTP/1.1", "127.0.0.1", null,
                Map.of("env", "test"));
        return authorizers.authorize(route, request, context);
    }

    private static AuthorizationResult get(LambdaAuthorizers authorizers, String path, String... headers) {
        return call(authorizers, "GET", path, path.startsWith("/pets/") ? "/pets/{id}" : path, Headers.of(headers));
    }

    private static void assertDenied(AuthorizationResult result, int status, String body, String errorType) {
        assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Denied.class, d -> {
            assertThat(d.status()).isEqualTo(status);
            assertThat(d.body()).isEqualTo(body);
            assertThat(d.errorType()).isEqualTo(errorType);
        });
    }

    @Nested
    class Outcomes {
        @Test
        void method_without_lambda_authorizer_is_not_this_mechanisms_business() {
            LambdaAuthorizers authorizers = authorizers(token(0), returning(policy("Allow", "\"*\"")));
            GatewayRequest request = GatewayRequest.of("GET", "/dev/pets");
            MatchedRoute route = new MatchedRoute("dev", "/pets", "/pets", null, "r", "GET", MOCK, Map.of(),
                    Method.of(HttpMethod.GET, MOCK));
            RequestContext context = new RequestContext("req", "ext", Instant.now(), "000000000000", "abc123defg",
                    "d", "localhost", "localhost", "HTTP/1.1", "127.0.0.1", null, null);
            assertThat(authorizers.authorize(route, request, context)).isNull();
            assertThat(calls).hasValue(0);
        }

        @Test
        void missing_token_is_401_without_invoking() {
            LambdaAuthorizers authorizers = authorizers(token(0), returning(policy("Allow", "\"*\"")));
            assertDenied(get(authorizers, "/pets"), 401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
            assertDenied(get(authorizers, "/pets", "Authorization", ""), 401, "{\"message\":\"Unauthorized\"}",
                    "UnauthorizedException");
            assertThat(calls).hasValue(0);
        }

        @Test
        void token_not_matching_validation_expression_is_401_without_invoking() {
            Authorizer authorizer = authorizer(AuthorizerType.TOKEN, List.of("method.request.header.Authorization"),
                    "^Bearer [a-z]+$", 0);
            LambdaAuthorizers authorizers = authorizers(authorizer, returning(policy("Allow", "\"*\"")));
            assertDenied(get(authorizers, "/pets", "Authorization", "Basic x"), 401, "{\"message\":\"Unauthorized\"}",
                    "UnauthorizedException");
            assertThat(calls).hasValue(0);
            assertThat(get(authorizers, "/pets", "Authorization", "Bearer abc"))
                    .isInstanceOf(AuthorizationResult.Allowed.class);
        }

        @Test
        void function_failing_with_unauthorized_is_401() {
            LambdaAuthorizers authorizers = authorizers(token(0), (p, o) -> new InvocationResult.FunctionError(
                    "Error", "Unauthorized", List.of(), "{}".getBytes(StandardCharsets.UTF_8)));
            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 401, "{\"message\":\"Unauthorized\"}",
                    "UnauthorizedException");
        }

        @Test
        void other_function_error_is_500_configuration_error() {
            LambdaAuthorizers authorizers = authorizers(token(0), (p, o) -> new InvocationResult.FunctionError(
                    "Error", "boom", List.of(), "{}".getBytes(StandardCharsets.UTF_8)));
            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500, "{\"message\":null}",
                    "AuthorizerConfigurationException");
        }

        @Test
        void http_style_output_is_500_configuration_error() {
            LambdaAuthorizers authorizers = authorizers(token(0), returning("{\"statusCode\":401,\"body\":\"no\"}"));
            AuthorizationResult result = get(authorizers, "/pets", "Authorization", "t");
            assertDenied(result, 500, "{\"message\":null}", "AuthorizerConfigurationException");
            assertThat(((AuthorizationResult.Denied) result).responseType()).isEqualTo("AUTHORIZER_CONFIGURATION_ERROR");
        }

        @Test
        void explicit_deny_is_403_with_capital_message() {
            LambdaAuthorizers authorizers = authorizers(token(0), returning(policy("Deny", "\"*\"")));
            AuthorizationResult result = get(authorizers, "/pets", "Authorization", "t");
            assertDenied(result, 403,
                    "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}",
                    "AccessDeniedException");
            assertThat(((AuthorizationResult.Denied) result).body()).hasSize(82);
        }

        @Test
        void allow_not_covering_the_method_is_403_implicit_deny() {
            LambdaAuthorizers authorizers = authorizers(token(0),
                    returning(policy("Allow", "\"" + ARN_PREFIX + "POST/pets\"")));
            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 403,
                    "{\"Message\":\"User is not authorized to access this resource\"}", "AccessDeniedException");
        }

        @Test
        void deny_wins_over_allow() {
            String output = "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":["
                    + "{\"Action\":\"*\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
                    + "{\"Action\":[\"execute-api:*\"],\"Effect\":\"Deny\",\"Resource\":[\"" + ARN_PREFIX + "GET/pets\"]}]}}";
            LambdaAuthorizers authorizers = authorizers(token(0), returning(output));
            assertThat(((AuthorizationResult.Denied) get(authorizers, "/pets", "Authorization", "t")).message())
                    .endsWith("with an explicit deny");
        }

        @Test
        void allow_returns_principal_context_and_usage_key() {
            String output = "{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]},"
                    + "\"context\":{\"s\":\"v\",\"n\":1,\"d\":1.5,\"b\":true,\"z\":null},\"usageIdentifierKey\":\"key-1\"}";
            LambdaAuthorizers authorizers = authorizers(token(0), returning(output));
            assertThat(get(authorizers, "/pets", "Authorization", "t")).isEqualTo(new AuthorizationResult.Allowed(
                    new Principal.Lambda("user-1", Map.of("s", "v", "n", "1", "d", "1.5", "b", "true")), "key-1"));
        }

        @Test
        void object_in_context_is_500_configuration_error() {
            String output = policy("Allow", "\"*\"").replaceFirst("}$", ",\"context\":{\"o\":{\"a\":1}}}");
            LambdaAuthorizers authorizers = authorizers(token(0), returning(output));
            assertDenied(get(authorizers, "/pets", "Authorization", "t"), 500, "{\"message\":null}",
                    "AuthorizerConfigurationException");
        }
    }

    @Nested
    class Resources {
        private AuthorizationResult withResource(String resource, String path) {
            return get(authorizers(token(0), returning(policy("Allow", resource))), path, "Authorization", "t");
        }

        @Test
        void star_matches_across_slashes() {
            assertThat(withResource("\"" + ARN_PREFIX + "*\"", "/pets/7")).isInstanceOf(AuthorizationResult.Allowed.class);
            assertThat(withResource("\"arn:aws:execute-api:us-east-1:*:abc123defg/*/GET/*\"", "/pets/7"))
                    .isInstanceOf(AuthorizationResult.Allowed.class);
        }

        @Test
        void question_mark_matches_one_character() {
            assertThat(withResource("\"" + ARN_PREFIX + "GET/pets/?\"", "/pets/7"))
                    .isInstanceOf(AuthorizationResult.Allowed.class);
            assertThat(withResource("\"" + ARN_PREFIX + "GET/pets/?\"", "/pets/77"))
                    .isInstanceOf(AuthorizationResult.Denied.class);
        }

        @Test
        void resource_list_matches_any_entry() {
            assertThat(withResource("[\"" + ARN_PREFIX + "POST/*\",\"" + ARN_PREFIX + "GET/pets\"]", "/pets"))
                    .isInstanceOf(AuthorizationResult.Allowed.class);
        }

        @Test
        void root_resource_arn_ends_with_slash() {
            assertThat(withResource("\"" + ARN_PREFIX + "GET/\"", "/")).isInstanceOf(AuthorizationResult.Allowed.class);
        }
    }

    @Nested
    class Events {
        @Test
        void token_event_carries_type_method_arn_and_token() throws Exception {
            LambdaAuthorizers authorizers = authorizers(token(0), returning(policy("Allow", "\"*\"")));
            get(authorizers, "/pets/42", "Authorization", "Bearer abc");
            assertThat(lastEvent.get()).isEqualTo("{\"type\":\"TOKEN\",\"methodArn\":\"" + ARN_PREFIX
                    + "GET/pets/42\",\"authorizationToken\":\"Bearer abc\"}");
        }

        @Test
        void request_event_has_aws_fields_in_order() throws Exception {
            Authorizer authorizer = authorizer(AuthorizerType.REQUEST,
                    List.of("method.request.header.X-User", "method.request.querystring.tenant"), null, 0);
            LambdaAuthorizers authorizers = authorizers(authorizer, returning(policy("Allow", "\"*\"")));
            call(authorizers, "GET", "/pets?tenant=a", "/pets", Headers.of("X-User", "u1"));
            JsonNode event = JSON.readTree(lastEvent.get());
            List<String> names = new ArrayList<>();
            event.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("type", "methodArn", "resource", "path", "httpMethod", "headers",
                    "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
                    "stageVariables", "requestContext");
            assertThat(event.get("type").asText()).isEqualTo("REQUEST");
            assertThat(event.get("methodArn").asText()).isEqualTo(ARN_PREFIX + "GET/pets");
            assertThat(event.get("headers").get("X-User").asText()).isEqualTo("u1");
            assertThat(event.get("queryStringParameters").get("tenant").asText()).isEqualTo("a");
            assertThat(event.get("pathParameters").isObject()).isTrue();
            assertThat(event.get("pathParameters").size()).isZero();
            assertThat(event.get("stageVariables").get("env").asText()).isEqualTo("test");
            assertThat(event.get("requestContext").get("resourcePath").asText()).isEqualTo("/pets");
        }

        @Test
        void request_authorizer_needs_every_identity_source() {
            Authorizer authorizer = authorizer(AuthorizerType.REQUEST,
                    List.of("method.request.header.X-User", "method.request.querystring.tenant"), null, 300);
            LambdaAuthorizers authorizers = authorizers(authorizer, returning(policy("Allow", "\"*\"")));
            assertDenied(call(authorizers, "GET", "/pets", "/pets", Headers.of("X-User", "u1")), 401,
                    "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
            assertDenied(call(authorizers, "GET", "/pets?tenant=a", "/pets", Headers.empty()), 401,
                    "{\"message\":\"Unauthorized\"}", "UnauthorizedException");
            assertThat(calls).hasValue(0);
            assertThat(call(authorizers, "GET", "/pets?tenant=a", "/pets", Headers.of("x-user", "u1")))
                    .isInstanceOf(AuthorizationResult.Allowed.class);
            assertThat(calls).hasValue(1);
        }
    }

    @Nested
    class Caching {
        @Test
        void same_token_within_ttl_invokes_once_and_re_evaluates_policy() {
            LambdaAuthorizers authorizers = authorizers(token(300),
                    returning(policy("Allow", "\"" + ARN_PREFIX + "GET/pets\"")));
            assertThat(get(authorizers, "/pets", "Authorization", "t")).isInstanceOf(AuthorizationResult.Allowed.class);
            assertThat(get(authorizers, "/pets", "Authorization", "t")).isInstanceOf(AuthorizationResult.Allowed.class);
            assertThat(get(authorizers, "/pets/1", "Authorization", "t")).isInstanceOf(AuthorizationResult.Denied.class);
            assertThat(calls).hasValue(1);
        }

        @Test
        void different_token_invokes_again() {
            LambdaAuthorizers authorizers = authorizers(token(300), returning(policy("Allow", "\"*\"")));
            get(authorizers, "/pets", "Authorization", "a");
            get(authorizers, "/pets", "Authorization", "b");
            assertThat(calls).hasValue(2);
        }

        @Test
        void ttl_zero_invokes_every_time_and_clear_cache_forgets() {
            LambdaAuthorizers off = authorizers(token(0), returning(policy("Allow", "\"*\"")));
            get(off, "/pets", "Authorization", "a");
            get(off, "/pets", "Authorization", "a");
            assertThat(calls).hasValue(2);
            LambdaAuthorizers on = authorizers(token(300), returning(policy("Allow", "\"*\"")));
            get(on, "/pets", "Authorization", "a");
            on.clearCache();
            get(on, "/pets", "Authorization", "a");
            assertThat(calls).hasValue(4);
        }

        @Test
        void expired_entry_invokes_again() {
            RestApi api = new RestApi("t", List.of(), Map.of(), Map.of(), List.of(),
                    dev.apigw.model.ApiKeySource.HEADER, Map.of(), Map.of("auth", token(1)), null, null);
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
            Clock clock = new Clock() {
                @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(java.time.ZoneId zone) { return this; }
                @Override public Instant instant() { return now.get(); }
            };
            LambdaFunction function = (p, o) -> {
                calls.incrementAndGet();
                return new InvocationResult.Success(policy("Allow", "\"*\"").getBytes(StandardCharsets.UTF_8));
            };
            LambdaAuthorizers authorizers = LambdaAuthorizers.compile(api, Map.of(),
                    new Functions(Map.of("AuthFn", function)), "000000000000", "abc123defg", problems, clock);
            get(authorizers, "/pets", "Authorization", "a");
            get(authorizers, "/pets", "Authorization", "a");
            now.set(now.get().plusSeconds(2));
            get(authorizers, "/pets", "Authorization", "a");
            assertThat(calls).hasValue(2);
        }
    }
}
