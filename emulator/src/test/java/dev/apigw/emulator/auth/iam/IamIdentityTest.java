package dev.apigw.emulator.auth.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.emulator.auth.IamCredential;
import dev.apigw.emulator.exchange.Principal;
import org.junit.jupiter.api.Test;

class IamIdentityTest {

    @Test
    void the_user_is_named_in_the_account_and_has_an_aws_looking_id() {
        Principal.Iam iam = IamIdentity.of(new IamCredential("AKIDEXAMPLE", "secret", "ci-bot"), "123456789012");

        assertThat(iam.accessKey()).isEqualTo("AKIDEXAMPLE");
        assertThat(iam.accountId()).isEqualTo("123456789012");
        assertThat(iam.userArn()).isEqualTo("arn:aws:iam::123456789012:user/ci-bot");
        assertThat(iam.userId()).matches("AIDA[A-Z2-7]{17}");
    }

    @Test
    void the_id_is_the_same_for_a_key_and_differs_between_keys() {
        assertThat(IamIdentity.userId("AKIDEXAMPLE")).isEqualTo(IamIdentity.userId("AKIDEXAMPLE"))
                .isNotEqualTo(IamIdentity.userId("AKIDOTHER"));
    }
}
