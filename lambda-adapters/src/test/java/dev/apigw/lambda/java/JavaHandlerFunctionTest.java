package dev.apigw.lambda.java;

import static dev.apigw.lambda.java.TestFunctions.invoke;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.java.handlers.CountingHandler;
import dev.apigw.lambda.java.handlers.DuckTypedHandler;
import dev.apigw.lambda.java.handlers.MapHandler;
import dev.apigw.lambda.java.handlers.UppercaseStreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JavaHandlerFunctionTest {

    private final TestFunctions functions = new TestFunctions();

    @AfterEach
    void closeFunctions() {
        functions.close();
    }

    private InvocationResult run(String handler, String payload) {
        return invoke(functions.load(handler), payload);
    }

    @Nested
    class RequestHandlers {

        @Test
        void reads_a_rest_proxy_event_and_writes_the_response_with_aws_field_names() {
            InvocationResult result = run("ProxyHandler", """
                    {"resource":"/pets/{id}","path":"/pets/7","httpMethod":"GET","isBase64Encoded":true,
                     "multiValueHeaders":{"Accept":["text/plain","application/json"]},
                     "requestContext":{"requestId":"r-1"}}""");

            assertThat(result).isInstanceOf(InvocationResult.Success.class);
            assertThatJson(result.payloadAsString()).isEqualTo("""
                    {"statusCode":200,
                     "headers":{"Content-Type":"text/plain"},
                     "multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},
                     "body":"GET /pets/7 accept=[text/plain, application/json] base64=true requestId=r-1",
                     "isBase64Encoded":false}""");
        }

        @Test
        void reads_an_http_api_event_and_writes_the_v2_response_as_the_runtime_does() {
            InvocationResult result = run("HttpApiHandler", """
                    {"version":"2.0","routeKey":"GET /pets","rawPath":"/pets","isBase64Encoded":false,
                     "requestContext":{"http":{"method":"GET","path":"/pets"},"timeEpoch":1583348638390}}""");

            assertThatJson(result.payloadAsString()).isEqualTo("""
                    {"statusCode":201,"headers":{"Content-Type":"text/plain"},"cookies":["session=abc"],
                     "body":"GET /pets GET base64=false","isBase64Encoded":false}""");
        }

        @Test
        void passes_a_map_event_and_serializes_the_returned_map() {
            InvocationResult result = run("MapHandler", "{\"name\":\"Rex\",\"tags\":[1,2]}");

            assertThat(result.payloadAsString()).isEqualTo("{\"name\":\"Rex\",\"tags\":[1,2],\"handled\":true}");
        }

        @Test
        void converts_json_strings_in_and_out() {
            assertThat(run("GreetingHandler", "\"Rex\"").payloadAsString()).isEqualTo("\"hello Rex\"");
        }

        @Test
        void reads_and_writes_javabeans_ignoring_unknown_fields_and_leaving_out_nulls() {
            InvocationResult result = run("PetHandler", "{\"name\":\"Rex\",\"age\":3,\"owner\":\"Ann\"}");

            assertThat(result.payloadAsString()).isEqualTo("{\"greeting\":\"hello Rex\",\"ageInDogYears\":21}");
        }

        @Test
        void finds_the_event_type_through_a_generic_superclass() {
            assertThat(run("NamedPetHandler", "{\"name\":\"Rex\"}").payloadAsString()).isEqualTo("\"pet Rex\"");
        }
    }

    @Nested
    class MethodHandlers {

        @Test
        void calls_a_named_method_without_context() {
            assertThat(run("GreeterMethods::greet", "\"Rex\"").payloadAsString()).isEqualTo("\"hi Rex\"");
        }

        @Test
        void calls_a_named_method_with_context() {
            assertThat(run("GreeterMethods::greetFromFunction", "{\"name\":\"Rex\"}").payloadAsString())
                    .isEqualTo("\"Rex from GetPet\"");
        }

        @Test
        void prefers_the_overload_that_takes_a_context_as_the_runtime_does() {
            assertThat(run("GreeterMethods::overloaded", "\"Rex\"").payloadAsString()).isEqualTo("\"with context\"");
        }

        @Test
        void calls_a_static_method() {
            assertThat(run("GreeterMethods::twice", "21").payloadAsString()).isEqualTo("42");
        }

        @Test
        void answers_null_for_a_void_method() {
            assertThat(run("GreeterMethods::accept", "{}").payloadAsString()).isEqualTo("null");
        }

        @Test
        void passes_the_raw_payload_to_a_stream_method() {
            assertThat(run("GreeterMethods::copy", "{\"raw\": true}").payloadAsString()).isEqualTo("{\"raw\": true}");
        }
    }

    @Nested
    class StreamHandlers {

        @Test
        void passes_the_raw_payload_to_a_request_stream_handler() {
            assertThat(run("UppercaseStreamHandler", "{\"a\":\"b\"}").payloadAsString()).isEqualTo("{\"A\":\"B\"}");
        }
    }

    @Nested
    class Instances {

        @Test
        void runs_a_request_handler_instance() {
            assertThat(invoke(functions.forInstance(new MapHandler()), "{}").payloadAsString())
                    .isEqualTo("{\"handled\":true}");
        }

        @Test
        void runs_a_request_stream_handler_instance() {
            assertThat(invoke(functions.forInstance(new UppercaseStreamHandler()), "x").payloadAsString())
                    .isEqualTo("X");
        }

        @Test
        void runs_any_object_with_a_handle_request_method() {
            assertThat(invoke(functions.forInstance(new DuckTypedHandler()), "{\"name\":\"Rex\"}").payloadAsString())
                    .isEqualTo("\"quack Rex\"");
        }

        @Test
        void reuses_the_one_instance_it_was_given() {
            JavaHandlerFunction function = functions.forInstance(new CountingHandler());

            invoke(function, "{}");

            assertThat(invoke(function, "{}").payloadAsString()).contains("\"calls\":2");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void creates_the_handler_once_and_reuses_it_like_a_warm_lambda() {
            JavaHandlerFunction function = functions.load("CountingHandler");

            String first = invoke(function, "{}").payloadAsString();
            invoke(function, "{}");
            String third = invoke(function, "{}").payloadAsString();

            int instance = Integer.parseInt(first.replaceAll(".*\"instance\":(\\d+).*", "$1"));
            assertThatJson(first).isEqualTo("{\"instance\":" + instance + ",\"calls\":1}");
            assertThatJson(third).isEqualTo("{\"instance\":" + instance + ",\"calls\":3}");
        }

        @Test
        void keeps_the_classes_it_resolved() {
            assertThat(functions.load("MapHandler").handlerClass()).isEqualTo(MapHandler.class);
        }
    }
}
