package dev.apigw.emulator.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionNameTest {

    @Test
    void reads_names_partial_and_full_arns_with_their_qualifiers() {
        assertThat(FunctionName.parse("my-function"))
                .isEqualTo(new FunctionName("my-function", "us-east-1", "000000000000", null));
        assertThat(FunctionName.parse("my-function:v1"))
                .isEqualTo(new FunctionName("my-function", "us-east-1", "000000000000", "v1"));
        assertThat(FunctionName.parse("123456789012:function:my-function"))
                .isEqualTo(new FunctionName("my-function", "us-east-1", "123456789012", null));
        assertThat(FunctionName.parse("arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST"))
                .isEqualTo(new FunctionName("my-function", "us-west-2", "123456789012", "$LATEST"));
    }

    @Test
    void the_arn_names_the_qualifier_asked_for() {
        assertThat(FunctionName.parse("Echo").withQualifier("2").arn())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:Echo:2");
    }
}
