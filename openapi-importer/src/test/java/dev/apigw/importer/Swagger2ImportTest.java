package dev.apigw.importer;

import static dev.apigw.importer.Specs.method;
import static dev.apigw.importer.Specs.rest;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.AuthorizerType;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.RequestParameter;
import dev.apigw.model.RequestParameter.Location;
import dev.apigw.model.RestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Swagger 2.0 JSON document goes through swagger-parser's converter; its extensions must survive it. */
class Swagger2ImportTest {

    private final RestApi api = rest("rest/swagger2-petstore.json");

    @Test
    void imports_swagger_2_as_a_rest_api_without_the_base_path() {
        assertThat(api.title()).isEqualTo("petstore (swagger 2)");
        assertThat(api.resources()).extracting(resource -> resource.path().text()).containsExactly("/pets", "/pets/{petId}");
    }

    @Test
    void reads_a_body_parameter_as_the_request_model() {
        Method createPet = method(api, "/pets", HttpMethod.POST);

        assertThat(createPet.requestModels()).containsOnly(Map.entry("application/json", "Pet"));
        assertThat(createPet.requestBodyRequired()).isTrue();
        assertThat(createPet.responses().get("200").models()).containsOnly(Map.entry("application/json", "Pet"));
        assertThat(createPet.responses().get("200").headers()).containsOnlyKeys("method.response.header.Location");
    }

    @Test
    void keeps_the_extensions_of_operations_and_security_definitions() {
        Method createPet = method(api, "/pets", HttpMethod.POST);

        assertThat(createPet.integration()).isInstanceOf(Integration.LambdaProxy.class);
        assertThat(createPet.requestValidator()).isEqualTo("body");
        assertThat(createPet.apiKeyRequired()).isTrue();
        assertThat(api.authorizers().get("token").type()).isEqualTo(AuthorizerType.TOKEN);
        assertThat(api.authorizers().get("token").identitySource()).containsExactly("method.request.header.Authorization");
        assertThat(api.binaryMediaTypes()).containsExactly("image/png");
    }

    @Test
    void merges_path_level_parameters() {
        assertThat(method(api, "/pets/{petId}", HttpMethod.GET).requestParameters()).containsExactly(
                new RequestParameter(Location.PATH, "petId", true),
                new RequestParameter(Location.QUERYSTRING, "fields", false));
    }

    @Test
    void converts_the_any_method_like_any_other_operation() {
        Method any = method(api, "/pets/{petId}", HttpMethod.ANY);

        assertThat(any.integration()).isInstanceOf(Integration.Mock.class);
        assertThat(any.requestParameters()).containsExactly(new RequestParameter(Location.PATH, "petId", true));
        // Swagger 2.0 without consumes: AWS files the body model under application/json.
        assertThat(any.requestModels()).containsOnly(Map.entry("application/json", "Pet"));
    }

    @Test
    void reads_definitions_as_models() {
        assertThat(api.models()).containsOnlyKeys("Pet", "Owner");
        assertThatJson(api.models().get("Pet").schemaJson()).inPath("$.properties.owner")
                .isEqualTo("{\"$ref\": \"#/definitions/Owner\"}");
    }
}
