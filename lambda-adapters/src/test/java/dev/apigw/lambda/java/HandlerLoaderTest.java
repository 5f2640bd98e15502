package dev.apigw.lambda.java;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.lambda.HandlerLoadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handler strings that cannot be loaded fail at load time with one sentence that says how to fix them. */
class HandlerLoaderTest {

    private static final String HANDLERS = TestFunctions.HANDLERS;

    private final TestFunctions functions = new TestFunctions();

    @AfterEach
    void closeFunctions() {
        functions.close();
    }

    @Test
    void names_the_missing_class_and_where_it_looked() {
        assertThatThrownBy(() -> functions.load("MissingHandler"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class " + HANDLERS + "MissingHandler for function GetPet was not found on apigw's "
                        + "classpath; check --classpath and the handler name (pkg.Class::method)");
    }

    @Test
    void names_the_missing_method() {
        assertThatThrownBy(() -> functions.load("GreeterMethods::wave"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class " + HANDLERS + "GreeterMethods for function GetPet has no public method wave"
                        + " taking (event), (event, Context), (InputStream, OutputStream) or (InputStream,"
                        + " OutputStream, Context); check the method name in the handler (pkg.Class::method)");
    }

    @Test
    void rejects_a_method_whose_only_overload_has_too_many_parameters() {
        assertThatThrownBy(() -> functions.load("GreeterMethods::tooMany"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageContaining("has no public method tooMany taking (event)");
    }

    @Test
    void requires_a_handler_interface_when_no_method_is_named() {
        assertThatThrownBy(() -> functions.load("GreeterMethods"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class " + HANDLERS + "GreeterMethods for function GetPet implements neither "
                        + "RequestHandler nor RequestStreamHandler; implement one of them or name the method to call ("
                        + HANDLERS + "GreeterMethods::method)");
    }

    @Test
    void reports_a_constructor_that_throws_with_its_cause() {
        assertThatThrownBy(() -> functions.load("BrokenConstructorHandler"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class " + HANDLERS + "BrokenConstructorHandler for function GetPet threw "
                        + "java.lang.IllegalStateException: no database in its constructor; fix the constructor (the "
                        + "cause is attached)")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void requires_a_public_zero_argument_constructor() {
        assertThatThrownBy(() -> functions.load("ConfiguredHandler"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("handler class " + HANDLERS + "ConfiguredHandler for function GetPet has no public "
                        + "zero-argument constructor; add one so that AWS Lambda can create it");
    }

    @Test
    void rejects_a_raw_request_handler_as_the_runtime_does() {
        assertThatThrownBy(() -> functions.load("RawHandler"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageContaining("does not implement RequestHandler with concrete type parameters");
    }

    @Test
    void rejects_a_handler_that_leaves_its_event_type_open() {
        assertThatThrownBy(() -> functions.load("TypedBaseHandler"))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageContaining("leaves the RequestHandler type parameter T open");
    }

    @Test
    void explains_a_malformed_handler_string() {
        assertThatThrownBy(() -> functions.load(FunctionSettings.defaults("GetPet").withHandler("com.example.Foo::")))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("function GetPet: handler 'com.example.Foo::' has an empty method name; write it as "
                        + "pkg.Class::method or pkg.Class");
    }

    @Test
    void requires_a_handler_string() {
        assertThatThrownBy(() -> functions.load(FunctionSettings.defaults("GetPet")))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessage("function GetPet has no handler; set it as pkg.Class::method or pkg.Class");
    }

    @Test
    void rejects_an_object_without_a_handler_method() {
        assertThatThrownBy(() -> functions.forInstance(new Object()))
                .isInstanceOf(HandlerLoadException.class)
                .hasMessageStartingWith("handler object of class java.lang.Object for function GetPet is neither");
    }
}
