package dev.apigw.lambda.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlerReferenceTest {

    @Test
    void splits_class_and_method() {
        assertThat(HandlerReference.parse("com.example.Pets::get"))
                .isEqualTo(new HandlerReference("com.example.Pets", "get", true));
    }

    @Test
    void calls_handle_request_when_only_the_class_is_named() {
        assertThat(HandlerReference.parse("com.example.Pets"))
                .isEqualTo(new HandlerReference("com.example.Pets", "handleRequest", false));
    }

    @Test
    void accepts_nested_classes_in_binary_form() {
        assertThat(HandlerReference.parse("com.example.Pets$Get::handle").className())
                .isEqualTo("com.example.Pets$Get");
    }

    @Test
    void prints_as_written() {
        assertThat(HandlerReference.parse("com.example.Pets::get")).hasToString("com.example.Pets::get");
        assertThat(HandlerReference.parse("com.example.Pets")).hasToString("com.example.Pets");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                    | handler '' has an empty class name; write it as pkg.Class::method or pkg.Class
            ::get                 | handler '::get' has an empty class name; write it as pkg.Class::method or pkg.Class
            com.example.Pets::    | handler 'com.example.Pets::' has an empty method name; write it as pkg.Class::method or pkg.Class
            com.example..Pets     | handler class name 'com.example..Pets' is not a Java class name; write the handler as pkg.Class::method or pkg.Class
            com.example.Pets::g-t | handler method name 'g-t' is not a Java method name; write the handler as pkg.Class::method or pkg.Class
            com.example.Pets.get() | handler class name 'com.example.Pets.get()' is not a Java class name; write the handler as pkg.Class::method or pkg.Class
            """)
    void explains_what_is_wrong_with_a_malformed_handler(String handler, String message) {
        assertThatThrownBy(() -> HandlerReference.parse(handler))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
