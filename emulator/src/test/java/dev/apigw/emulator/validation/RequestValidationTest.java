package dev.apigw.emulator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.validation.ValidationFailure.Kind;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.Method;
import dev.apigw.model.RequestParameter;
import dev.apigw.model.RequestParameter.Location;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.SchemaModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

class RequestValidationTest {

    private static final Integration MOCK = new Integration.Mock(IntegrationOptions.defaults(29000));
    private static final String PET = """
            {"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}""";
    private static final String TEXT_NOTE = """
            {"type":"object","required":["note"]}""";
    private static final List<RequestParameter> PARAMETERS = List.of(
            new RequestParameter(Location.QUERYSTRING, "qs1", true),
            new RequestParameter(Location.HEADER, "x-header-param", true),
            new RequestParameter(Location.PATH, "issuer", true),
            new RequestParameter(Location.QUERYSTRING, "optional", false));

    static RestApi api() {
        return new RestApi("test", List.of(),
                Map.of("Pet", new SchemaModel("Pet", PET), "Note", new SchemaModel("Note", TEXT_NOTE)),
                Map.of(), List.of(), ApiKeySource.HEADER,
                Map.of("all", new RequestValidator(true, true),
                        "body-only", new RequestValidator(true, false),
                        "params-only", new RequestValidator(false, true)),
                Map.of(), null, null);
    }

    static Method method(@Nullable String validator, Map<String, String> models) {
        return new Method(HttpMethod.POST, null, MOCK, PARAMETERS, models, true, Map.of(), validator, List.of(),
                false, null);
    }

    static RequestValidation validation(@Nullable String validator) {
        return RequestValidation.compile(api(), method(validator, Map.of("application/json", "Pet")));
    }

    static GatewayRequest request(String pathAndQuery, Headers headers, String body) {
        return GatewayRequest.of("POST", pathAndQuery, headers, body);
    }

    static final GatewayRequest COMPLETE =
            request("/dev/x?qs1=a", Headers.of("X-Header-Param", "h"), "{\"name\":\"rex\"}");
    static final Map<String, String> PATH = Map.of("issuer", "me");

    @Nested
    class Parameters {
        @Test
        void passes_when_every_required_parameter_is_present() {
            assertThat(validation("all").check(COMPLETE, PATH)).isEmpty();
        }

        @Test
        void lists_every_missing_parameter_sorted_by_location_then_name() {
            Optional<ValidationFailure> failure =
                    validation("all").check(request("/dev/x", Headers.empty(), "{\"name\":\"rex\"}"), Map.of());

            assertThat(failure).contains(new ValidationFailure(Kind.BAD_REQUEST_PARAMETERS,
                    "Missing required request parameters: [x-header-param, issuer, qs1]",
                    "Missing required request parameters: [x-header-param, issuer, qs1]"));
        }

        @Test
        void reports_a_missing_query_parameter() {
            assertThat(message(validation("all").check(
                            request("/dev/x?other=1", Headers.of("x-header-param", "h"), "{}"), PATH)))
                    .isEqualTo("Missing required request parameters: [qs1]");
        }

        @Test
        void treats_an_empty_query_value_as_missing() {
            assertThat(message(validation("all").check(
                            request("/dev/x?qs1=", Headers.of("x-header-param", "h"), "{}"), PATH)))
                    .isEqualTo("Missing required request parameters: [qs1]");
        }

        @Test
        void reports_a_missing_header() {
            assertThat(message(validation("all").check(request("/dev/x?qs1=a", Headers.empty(), "{}"), PATH)))
                    .isEqualTo("Missing required request parameters: [x-header-param]");
        }

        @Test
        void treats_a_blank_header_as_missing() {
            assertThat(message(validation("all").check(
                            request("/dev/x?qs1=a", Headers.of("x-header-param", " "), "{}"), PATH)))
                    .isEqualTo("Missing required request parameters: [x-header-param]");
        }

        @Test
        void reports_a_missing_path_parameter() {
            assertThat(message(validation("all").check(COMPLETE, Map.of())))
                    .isEqualTo("Missing required request parameters: [issuer]");
        }

        @Test
        void are_checked_before_the_body() {
            Optional<ValidationFailure> failure =
                    validation("all").check(request("/dev/x", Headers.of("x-header-param", "h"), "not json"), PATH);

            assertThat(failure).map(ValidationFailure::kind).contains(Kind.BAD_REQUEST_PARAMETERS);
        }

        @Test
        void are_not_checked_by_a_body_only_validator() {
            assertThat(validation("body-only").check(request("/dev/x", Headers.empty(), "{\"name\":\"a\"}"), Map.of()))
                    .isEmpty();
        }
    }

    @Nested
    class Body {
        @Test
        void passes_a_body_that_matches_the_model() {
            assertThat(validation("body-only").check(COMPLETE, PATH)).isEmpty();
        }

        @Test
        void rejects_a_body_that_breaks_the_model() {
            Optional<ValidationFailure> failure =
                    validation("body-only").check(request("/dev/x", Headers.empty(), "{\"name\":1}"), PATH);

            assertThat(failure).contains(new ValidationFailure(Kind.BAD_REQUEST_BODY, "Invalid request body",
                    "[instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])]"));
        }

        @Test
        void rejects_a_body_that_is_not_json() {
            Optional<ValidationFailure> failure =
                    validation("body-only").check(request("/dev/x", Headers.empty(), "{\"name\":"), PATH);

            assertThat(failure).map(ValidationFailure::kind).contains(Kind.BAD_REQUEST_BODY);
            assertThat(message(failure)).isEqualTo("Invalid request body");
        }

        @Test
        void validates_an_empty_body_as_an_empty_object() {
            Optional<ValidationFailure> failure =
                    validation("body-only").check(request("/dev/x", Headers.empty(), ""), PATH);

            assertThat(failure).map(ValidationFailure::validationErrorString)
                    .contains("[object has missing required properties ([\"name\"])]");
        }

        @Test
        void is_not_checked_by_a_parameters_only_validator() {
            assertThat(validation("params-only").check(
                            request("/dev/x?qs1=a", Headers.of("x-header-param", "h"), "nope"), PATH))
                    .isEmpty();
        }

        @Test
        void picks_the_model_for_the_content_type() {
            RequestValidation validation = RequestValidation.compile(api(),
                    method("body-only", Map.of("application/json", "Pet", "text/plain", "Note")));

            assertThat(validation.check(
                            request("/dev/x", Headers.of("Content-Type", "Text/Plain; charset=utf-8"), "{\"name\":\"a\"}"),
                            PATH))
                    .map(ValidationFailure::validationErrorString)
                    .contains("[object has missing required properties ([\"note\"])]");
        }

        @Test
        void uses_the_json_model_when_there_is_no_content_type() {
            assertThat(validation("body-only").check(request("/dev/x", Headers.empty(), "{}"), PATH)).isPresent();
        }

        @Test
        void falls_back_to_the_default_model() {
            RequestValidation validation =
                    RequestValidation.compile(api(), method("body-only", Map.of("$default", "Note")));

            assertThat(validation.check(request("/dev/x", Headers.of("Content-Type", "application/xml"), "{}"), PATH))
                    .isPresent();
        }

        @Test
        void is_not_checked_for_a_content_type_without_a_model() {
            assertThat(validation("body-only").check(
                            request("/dev/x", Headers.of("Content-Type", "text/plain"), "plain text"), PATH))
                    .isEmpty();
        }
    }

    @Test
    void refuses_a_model_whose_schema_is_not_json() {
        RestApi api = new RestApi("test", List.of(), Map.of("Bad", new SchemaModel("Bad", "{not json")), Map.of(),
                List.of(), ApiKeySource.HEADER, Map.of("all", new RequestValidator(true, true)), Map.of(), null, null);

        assertThatThrownBy(() -> RequestValidation.compile(api, method("all", Map.of("application/json", "Bad"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad");
    }

    @Nested
    class WithoutValidator {
        @Test
        void enforces_nothing_when_the_method_has_no_validator() {
            RequestValidation validation = validation(null);

            assertThat(validation.validates()).isFalse();
            assertThat(validation.check(request("/dev/x", Headers.empty(), "not json"), Map.of())).isEmpty();
        }

        @Test
        void enforces_nothing_when_the_validator_is_unknown() {
            assertThat(validation("missing").check(request("/dev/x", Headers.empty(), "not json"), Map.of()))
                    .isEmpty();
        }

        @Test
        void none_lets_everything_through() {
            assertThat(RequestValidation.none().check(request("/dev/x", Headers.empty(), "x"), Map.of())).isEmpty();
        }
    }

    private static @Nullable String message(Optional<ValidationFailure> failure) {
        return failure.map(ValidationFailure::message).orElse(null);
    }
}
