package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code $context} for REST templates: the variables, dotted lookups, and the override maps the invokers read. */
class ContextVariableTest {
    static final Instant TIME = Instant.parse("2020-03-04T19:15:17.135Z");

    /** {@code PUT /prod/pets/7} matched to {@code /pets/{id}} on stage {@code prod}. */
    static Exchange exchange() {
        GatewayRequest request = new GatewayRequest("PUT", "/prod/pets/7", "", Headers.of("User-Agent", "curl/8.0"),
                new byte[0], "198.51.100.9", TIME);
        RequestContext context = new RequestContext("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "JJbxmplHYosFVYQ=", TIME,
                "123456789012", "a1b2c3d4e5", "dep7ab", "api.example.com", "api", "HTTP/1.1", "198.51.100.9",
                "curl/8.0", Map.of());
        MatchedRoute route = new MatchedRoute("prod", "/pets/7", "/pets/{id}", null, "r3s0id", "PUT",
                new Integration.Mock(IntegrationOptions.defaults(29_000)), Map.of("id", "7"), null);
        return new Exchange(request, route, context, List.of());
    }

    private final ContextVariable context = ContextVariable.of(exchange());

    @Test
    void holds_the_request_variables_of_the_reference() {
        Map<String, Object> values = context.templateValue();
        assertThat(values).containsEntry("accountId", "123456789012").containsEntry("apiId", "a1b2c3d4e5")
                .containsEntry("deploymentId", "dep7ab").containsEntry("domainName", "api.example.com")
                .containsEntry("domainPrefix", "api").containsEntry("extendedRequestId", "JJbxmplHYosFVYQ=")
                .containsEntry("httpMethod", "PUT").containsEntry("isCanaryRequest", false)
                .containsEntry("path", "/prod/pets/7").containsEntry("protocol", "HTTP/1.1")
                .containsEntry("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
                .containsEntry("requestTime", "04/Mar/2020:19:15:17 +0000")
                .containsEntry("requestTimeEpoch", 1583349317135L).containsEntry("resourceId", "r3s0id")
                .containsEntry("resourcePath", "/pets/{id}").containsEntry("stage", "prod")
                .doesNotContainKey("error");
        assertThat((Map<?, ?>) values.get("authorizer")).isEmpty();
    }

    @Test
    void has_an_identity_with_only_source_ip_and_user_agent_set() {
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) context.templateValue().get("identity");
        assertThat(identity).containsEntry("sourceIp", "198.51.100.9").containsEntry("userAgent", "curl/8.0")
                .containsKeys("accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
                        "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId",
                        "user", "userArn");
        assertThat(identity.get("apiKey")).isNull();
    }

    @Nested
    class Lookup {
        @Test
        void reads_dotted_names_as_text() {
            assertThat(context.lookup("requestId")).hasValue("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
            assertThat(context.lookup("identity.sourceIp")).hasValue("198.51.100.9");
            assertThat(context.lookup("requestTimeEpoch")).hasValue("1583349317135");
        }

        @Test
        void is_empty_for_unknown_null_and_map_values() {
            assertThat(context.lookup("nothing")).isEmpty();
            assertThat(context.lookup("identity.apiKey")).isEmpty();
            assertThat(context.lookup("identity")).isEmpty();
            assertThat(context.lookup("stage.deeper")).isEmpty();
        }

        @Test
        void sees_values_set_later_and_authorizer_values() {
            Exchange exchange = exchange();
            ContextVariable withAuthorizer = ContextVariable.of(new Exchange(exchange.request(), exchange.route(),
                    exchange.context(), List.of(), new Caller(new Principal.Lambda("user-1", Map.of()), null, null)));
            withAuthorizer.set("authorizer.claims.sub", "abc");
            assertThat(withAuthorizer.lookup("authorizer.principalId")).hasValue("user-1");
            assertThat(withAuthorizer.lookup("authorizer.claims.sub")).hasValue("abc");
        }
    }

    @Nested
    class Overrides {
        @Test
        void start_empty() {
            assertThat(context.responseStatusOverride()).isEmpty();
            assertThat(context.responseHeaderOverrides()).isEmpty();
            assertThat(context.requestHeaderOverrides()).isEmpty();
            assertThat(context.requestQuerystringOverrides()).isEmpty();
            assertThat(context.requestPathOverrides()).isEmpty();
        }

        @Test
        void take_an_integer_status_from_100_to_599() {
            context.set("responseOverride.status", 444);
            assertThat(context.responseStatusOverride()).hasValue(444);
            context.set("responseOverride.status", 200L);
            assertThat(context.responseStatusOverride()).hasValue(200);
        }

        @Test
        void ignore_a_status_that_is_not_an_integer_or_out_of_range() {
            for (Object status : List.of("400", 4.5, 99, 600, -1)) {
                context.set("responseOverride.status", status);
                assertThat(context.responseStatusOverride()).as("status %s", status).isEmpty();
            }
        }

        @Test
        void read_header_querystring_and_path_maps_as_text() {
            context.set("responseOverride.header.X-Count", 3);
            context.set("requestOverride.header.X-Multi", List.of("1header", "2header"));
            context.set("requestOverride.querystring.q", "v");
            context.set("requestOverride.path.id", "9");
            assertThat(context.responseHeaderOverrides()).containsExactly(Map.entry("X-Count", "3"));
            assertThat(context.requestHeaderOverrides()).containsExactly(Map.entry("X-Multi", "1header,2header"));
            assertThat(context.requestQuerystringOverrides()).containsExactly(Map.entry("q", "v"));
            assertThat(context.requestPathOverrides()).containsExactly(Map.entry("id", "9"));
        }

        @Test
        void survive_a_template_replacing_a_section_with_something_else() {
            context.set("responseOverride", "not a map");
            assertThat(context.responseStatusOverride()).isEmpty();
            assertThat(context.responseHeaderOverrides()).isEmpty();
        }
    }

    @Test
    void fills_the_error_variables_with_a_quoted_message_string() {
        context.setError("Missing Authentication Token", "MISSING_AUTHENTICATION_TOKEN", null);
        assertThat(context.lookup("error.message")).hasValue("Missing Authentication Token");
        assertThat(context.lookup("error.messageString")).hasValue("\"Missing Authentication Token\"");
        assertThat(context.lookup("error.responseType")).hasValue("MISSING_AUTHENTICATION_TOKEN");
        assertThat(context.lookup("error.validationErrorString")).isEmpty();
    }
}
