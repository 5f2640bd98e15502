package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apigw.model.FunctionRef;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionRefsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVOKE = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/";

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments(INVOKE + "arn:aws:lambda:us-east-1:123456789012:function:GetPet/invocations", "GetPet"),
                arguments(INVOKE + "arn:aws:lambda:us-east-1:123456789012:function:GetPet:live/invocations", "GetPet"),
                arguments(INVOKE + "arn:aws:lambda:us-east-1:123456789012:function:GetPet:7/invocations", "GetPet"),
                arguments("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:"
                        + "${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:GetPet/invocations", "GetPet"),
                arguments("arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:"
                        + "cn-north-1:123456789012:function:get-pet_v2/invocations", "get-pet_v2"),
                arguments(INVOKE + "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations",
                        "${stageVariables.fn}"),
                arguments(INVOKE + "${GetPetFunction.Arn}/invocations", "GetPetFunction"),
                arguments(INVOKE + "${GetPetFunction.Arn}:live/invocations", "GetPetFunction"),
                arguments("arn:aws:lambda:us-east-1:123456789012:function:GetPet", "GetPet"),
                arguments("arn:aws:lambda:us-east-1:123456789012:function:GetPet:prod", "GetPet"),
                arguments("GetPet", "GetPet"),
                arguments("${GetPetFunction.Arn}", "GetPetFunction"),
                arguments("{\"Fn::Sub\": \"arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                        + "${ListPetsFunction.Arn}/invocations\"}", "ListPetsFunction"),
                arguments("{\"Fn::Sub\": [\"arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                        + "${Fn}/invocations\", {\"Fn\": {\"Fn::GetAtt\": [\"CreatePet\", \"Arn\"]}}]}", "CreatePet"),
                arguments("{\"Fn::Sub\": [\"" + INVOKE + "${Fn}/invocations\", {\"Fn\": {\"Fn::GetAtt\":"
                        + " \"CreatePet.Arn\"}}]}", "CreatePet"),
                arguments("{\"Fn::Sub\": [\"" + INVOKE + "${Fn}/invocations\", {\"Fn\": \"arn:aws:lambda:us-east-1:"
                        + "123456789012:function:Literal\"}]}", "Literal"),
                arguments("{\"Fn::Join\": [\"\", [\"arn:aws:apigateway:\", {\"Ref\": \"AWS::Region\"}, \":lambda:path/"
                        + "2015-03-31/functions/\", {\"Fn::GetAtt\": [\"Joined\", \"Arn\"]}, \"/invocations\"]]}", "Joined"),
                arguments("{\"Fn::GetAtt\": [\"Direct\", \"Arn\"]}", "Direct"),
                arguments("{\"Ref\": \"ByRef\"}", "ByRef"));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @MethodSource("accepted")
    void resolves_the_function_name(String written, String functionName) throws Exception {
        Problems problems = new Problems();

        FunctionRef ref = FunctionRefs.resolve(node(written), "uri", problems);

        assertThat(problems.list()).isEmpty();
        assertThat(ref).isNotNull();
        assertThat(ref.functionName()).isEqualTo(functionName);
        assertThat(ref.written()).isEqualTo(written.startsWith("{") ? JSON.readTree(written).toString() : written);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "arn:x",
        "not a function",
        INVOKE + "GetPet",
        "arn:aws:lambda:us-east-1:123456789012:layer:GetPet",
        "https://example.com/pets",
        "{\"Fn::ImportValue\": \"GetPetArn\"}",
        "[\"GetPet\"]"
    })
    void reports_a_malformed_uri_as_an_error(String written) throws Exception {
        Problems problems = new Problems();

        assertThat(FunctionRefs.resolve(node(written), "paths./pets.get.x-amazon-apigateway-integration.uri", problems))
                .isNull();
        assertThat(problems.list()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.location()).isEqualTo("paths./pets.get.x-amazon-apigateway-integration.uri");
            assertThat(problem.message()).startsWith("malformed Lambda integration uri `")
                    .contains("expected arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders",
        "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem",
        "{\"Fn::Sub\": \"arn:aws:apigateway:${AWS::Region}:states:action/StartExecution\"}"
    })
    void reports_an_aws_service_integration_as_unsupported(String written) throws Exception {
        Problems problems = new Problems();

        assertThat(FunctionRefs.resolve(node(written), "uri", problems)).isNull();
        assertThat(problems.list()).singleElement().extracting(Problem::message).asString()
                .contains("only Lambda function integrations are supported for type aws/aws_proxy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GetPet", "arn:aws:lambda:us-east-1:123456789012:function:GetPet:live"})
    void parses_plain_strings_without_a_problem_collector(String written) {
        assertThat(FunctionRefs.parse(written)).contains(new FunctionRef(written, "GetPet"));
    }

    private static JsonNode node(String written) throws Exception {
        return written.startsWith("{") || written.startsWith("[") ? JSON.readTree(written) : TextNode.valueOf(written);
    }
}
