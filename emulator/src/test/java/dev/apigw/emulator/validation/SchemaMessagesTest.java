package dev.apigw.emulator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import dev.apigw.model.SchemaModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** validationErrorString in the words of fge json-schema-validator, which AWS runs. */
class SchemaMessagesTest {

    private static final String VALID = "\"name\":\"rex\",\"age\":3";

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("{\"age\":3}", "object has missing required properties ([\"name\"])"),
                Arguments.of("{}", "object has missing required properties ([\"age\",\"name\"])"),
                Arguments.of("\"rex\"",
                        "instance type (string) does not match any allowed primitive type (allowed: [\"object\"])"),
                Arguments.of("{\"name\":\"rex\",\"age\":\"3\"}",
                        "instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])"),
                Arguments.of("{\"name\":\"rex\",\"age\":3.5}",
                        "instance type (number) does not match any allowed primitive type (allowed: [\"integer\"])"),
                Arguments.of("{" + VALID + ",\"tag\":true}",
                        "instance type (boolean) does not match any allowed primitive type (allowed: [\"integer\",\"string\"])"),
                Arguments.of("{" + VALID + ",\"kind\":\"cow\"}",
                        "instance value (\"cow\") not found in enum (possible values: [\"cat\",\"dog\"])"),
                Arguments.of("{\"name\":\"Rex\",\"age\":3}",
                        "ECMA 262 regex \"^[a-z]+$\" does not match input string \"Rex\""),
                Arguments.of("{\"name\":\"r\",\"age\":3}",
                        "string \"r\" is too short (length: 1, required minimum: 2)"),
                Arguments.of("{\"name\":\"rexrex\",\"age\":3}",
                        "string \"rexrex\" is too long (length: 6, maximum allowed: 5)"),
                Arguments.of("{\"name\":\"rex\",\"age\":0}",
                        "numeric instance is lower than the required minimum (minimum: 1, found: 0)"),
                Arguments.of("{\"name\":\"rex\",\"age\":31}",
                        "numeric instance is greater than the required maximum (maximum: 30, found: 31)"),
                Arguments.of("{" + VALID + ",\"weight\":0}",
                        "numeric instance is not strictly greater than the required minimum 0"),
                Arguments.of("{" + VALID + ",\"weight\":100}",
                        "numeric instance is not strictly lower than the required maximum 100"),
                Arguments.of("{" + VALID + ",\"owner\":{}}", "object has missing required properties ([\"email\"])"),
                Arguments.of("{" + VALID + ",\"id\":true}",
                        "instance failed to match exactly one schema (matched 0 out of 2)"),
                Arguments.of("{" + VALID + ",\"code\":true}",
                        "instance failed to match at least one required schema among 2"),
                Arguments.of("{" + VALID + ",\"nick\":\"ab\"}",
                        "instance failed to match all required schemas (matched only 1 out of 2)"),
                Arguments.of("{" + VALID + ",\"color\":\"red\"}", "instance matched a schema which it should not have"),
                Arguments.of("{" + VALID + ",\"step\":7}", "remainder of division is not zero (7 / 2)"),
                Arguments.of("{" + VALID + ",\"toys\":[\"ball\",1]}",
                        "instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])"));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void formats_a_violation_like_aws(String body, String expected) {
        assertThat(errorString(body)).isEqualTo("[" + expected + "]");
    }

    @ParameterizedTest
    @MethodSource("violations")
    void always_answers_invalid_request_body(String body, String ignored) {
        assertThat(validation().check(request(body), Map.of()))
                .map(ValidationFailure::message)
                .contains("Invalid request body");
    }

    @Test
    void reports_several_properties_in_name_order() {
        assertThat(errorString("{\"name\":\"Rex\",\"age\":\"3\",\"kind\":\"cow\"}")).isEqualTo("["
                + "instance type (string) does not match any allowed primitive type (allowed: [\"integer\"]), "
                + "instance value (\"cow\") not found in enum (possible values: [\"cat\",\"dog\"]), "
                + "ECMA 262 regex \"^[a-z]+$\" does not match input string \"Rex\"]");
    }

    @Test
    void does_not_look_inside_properties_once_the_object_itself_failed() {
        assertThat(errorString("{\"name\":1}")).isEqualTo("[object has missing required properties ([\"age\"])]");
    }

    @Test
    void reports_every_failing_keyword_of_one_value() {
        assertThat(errorString("{\"name\":\"R\",\"age\":3}")).isEqualTo("["
                + "string \"R\" is too short (length: 1, required minimum: 2), "
                + "ECMA 262 regex \"^[a-z]+$\" does not match input string \"R\"]");
    }

    private static String errorString(String body) {
        return validation().check(request(body), Map.of()).orElseThrow().validationErrorString();
    }

    private static GatewayRequest request(String body) {
        return GatewayRequest.of("POST", "/dev/pets", Headers.of("Content-Type", "application/json"), body);
    }

    private static RequestValidation validation() {
        RestApi api = new RestApi("test", List.of(), Map.of("Pet", new SchemaModel("Pet", schema())), Map.of(),
                List.of(), ApiKeySource.HEADER, Map.of("body", new RequestValidator(true, false)), Map.of(), null,
                null);
        Method method = new Method(HttpMethod.POST, null, new Integration.Mock(IntegrationOptions.defaults(29000)),
                List.of(), Map.of("application/json", "Pet"), true, Map.of(), "body", List.of(), false, null);
        return RequestValidation.compile(api, method);
    }

    private static String schema() {
        try (InputStream in = SchemaMessagesTest.class.getResourceAsStream("/validation/pet-schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
