package dev.apigw.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourcePolicyTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/pets";
    private static final String ANY = "arn:aws:execute-api:us-east-1:000000000000:abc123/*";

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String statement(String effect, String action, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":\"*\",\"Action\":" + action + ",\"Resource\":" + resource
                + (condition.isEmpty() ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static Optional<AuthorizationResult.Denied> eval(String policyJson, String arn, String ip) {
        return ResourcePolicy.compile(policyJson, "openapi.yaml#/x-amazon-apigateway-policy").evaluate(arn, ip);
    }

    @Test
    void noPolicyAllowsEverything() {
        ResourcePolicy policy = ResourcePolicy.compile(null, "x");
        assertThat(policy.isPresent()).isFalse();
        assertThat(policy.evaluate(ARN, "1.2.3.4")).isEmpty();
    }

    @Test
    void explicitDenyBySourceIpCidr() {
        String json = policy(
                statement("Allow", "\"execute-api:Invoke\"", "\"" + ANY + "\"", ""),
                statement("Deny", "\"execute-api:Invoke\"", "\"" + ANY + "\"",
                        "{\"IpAddress\":{\"aws:SourceIp\":\"10.1.0.0/16\"}}"));
        assertThat(eval(json, ARN, "10.2.0.1")).isEmpty();
        AuthorizationResult.Denied denied = eval(json, ARN, "10.1.200.7").orElseThrow();
        assertThat(denied.responseType()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorType()).isEqualTo("AccessDeniedException");
        assertThat(denied.body()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform:"
                + " execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:abc123/dev/GET/pets"
                + " with an explicit deny\"}");
        assertThat(denied.message()).isEqualTo("User: anonymous is not authorized to perform: execute-api:Invoke"
                + " on resource: arn:aws:execute-api:us-east-1:********0000:abc123/dev/GET/pets with an explicit deny");
    }

    @Test
    void allowListByIpImplicitlyDeniesOthers() {
        String json = policy(statement("Allow", "\"execute-api:Invoke\"", "[\"execute-api:/*\"]",
                "{\"IpAddress\":{\"aws:SourceIp\":[\"192.0.2.10\",\"198.51.100.0/24\",\"2001:db8::/32\"]}}"));
        assertThat(eval(json, ARN, "192.0.2.10")).isEmpty();
        assertThat(eval(json, ARN, "198.51.100.77")).isEmpty();
        assertThat(eval(json, ARN, "2001:db8:0:1::5")).isEmpty();
        AuthorizationResult.Denied denied = eval(json, ARN, "192.0.2.11").orElseThrow();
        assertThat(denied.body()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform:"
                + " execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:abc123/dev/GET/pets\"}");
        assertThat(eval(json, ARN, "2001:db9::1")).isPresent();
        assertThat(eval(json, ARN, "::1")).isPresent();
    }

    @Test
    void notIpAddressDeniesEveryoneOutsideTheRanges() {
        String json = policy(
                statement("Allow", "\"execute-api:Invoke\"", "\"" + ANY + "\"", ""),
                statement("Deny", "\"execute-api:Invoke\"", "\"" + ANY + "\"",
                        "{\"NotIpAddress\":{\"aws:SourceIp\":[\"127.0.0.1\",\"::1\"]}}"));
        assertThat(eval(json, ARN, "127.0.0.1")).isEmpty();
        assertThat(eval(json, ARN, "::1")).isEmpty();
        assertThat(eval(json, ARN, "203.0.113.9").orElseThrow().body()).endsWith("with an explicit deny\"}");
    }

    @Test
    void resourceWildcardsAndShorthand() {
        String json = policy(
                statement("Allow", "\"execute-api:Invoke\"",
                        "[\"execute-api:/*/GET/pets\",\"execute-api:/dev/POST/*\"]", ""),
                statement("Allow", "\"execute-api:Invoke\"",
                        "\"arn:aws:execute-api:us-east-1:000000000000:abc123/dev/PUT/pets/???\"", ""));
        String prefix = "arn:aws:execute-api:us-east-1:000000000000:abc123/";
        assertThat(eval(json, prefix + "dev/GET/pets", "1.1.1.1")).isEmpty();
        assertThat(eval(json, prefix + "prod/GET/pets", "1.1.1.1")).isEmpty();
        assertThat(eval(json, prefix + "dev/GET/pets/1", "1.1.1.1")).isPresent();
        assertThat(eval(json, prefix + "dev/POST/a/b/c", "1.1.1.1")).isEmpty();
        assertThat(eval(json, prefix + "prod/POST/a", "1.1.1.1")).isPresent();
        assertThat(eval(json, prefix + "dev/PUT/pets/123", "1.1.1.1")).isEmpty();
        assertThat(eval(json, prefix + "dev/PUT/pets/1234", "1.1.1.1")).isPresent();
        assertThat(eval(json, "arn:aws:execute-api:us-east-1:000000000000:other/dev/PUT/pets/123", "1.1.1.1"))
                .isPresent();
    }

    @Test
    void shorthandDenyOnOneMethodWithNotResource() {
        String json = policy(
                statement("Allow", "\"execute-api:Invoke\"", "\"execute-api:/*\"", ""),
                "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"execute-api:Invoke\","
                        + "\"NotResource\":\"execute-api:/*/GET/*\"}");
        String prefix = "arn:aws:execute-api:us-east-1:000000000000:abc123/dev/";
        assertThat(eval(json, prefix + "GET/pets", "1.1.1.1")).isEmpty();
        assertThat(eval(json, prefix + "DELETE/pets", "1.1.1.1").orElseThrow().body())
                .endsWith("abc123/dev/DELETE/pets with an explicit deny\"}");
    }

    @Test
    void actionForms() {
        for (String action : new String[] {"\"execute-api:Invoke\"", "\"execute-api:*\"", "\"*\"",
                "[\"execute-api:ManageConnections\",\"execute-api:invoke\"]"}) {
            assertThat(eval(policy(statement("Allow", action, "\"*\"", "")), ARN, "1.1.1.1")).as(action).isEmpty();
        }
        assertThat(eval(policy(statement("Allow", "\"execute-api:ManageConnections\"", "\"*\"", "")), ARN, "1.1.1.1"))
                .isPresent();
    }

    @Test
    void iamPrincipalsDoNotCoverAnonymousCallers() {
        String json = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::000000000000:role/dev\"]},"
                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}");
        assertThat(eval(json, ARN, "1.1.1.1")).isPresent();
    }

    @Test
    void statementMayBeASingleObject() {
        String json = "{\"Statement\":" + statement("Allow", "\"execute-api:Invoke\"", "\"execute-api:/*\"", "") + "}";
        assertThat(eval(json, ARN, "1.1.1.1")).isEmpty();
    }

    @Test
    void malformedPoliciesAreRejectedWithTheirLocation() {
        String location = "api.yaml#/x-amazon-apigateway-policy";
        for (String json : new String[] {
            "{not json",
            "[]",
            "{\"Version\":\"2012-10-17\"}",
            policy(statement("Permit", "\"execute-api:Invoke\"", "\"*\"", "")),
            policy("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}"),
            policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}"),
            policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\"}"),
            policy(statement("Allow", "\"execute-api:Invoke\"", "\"pets\"", "")),
            policy(statement("Allow", "\"execute-api:Invoke\"", "\"*\"",
                    "{\"IpAddress\":{\"aws:SourceIp\":\"nope\"}}")),
            policy(statement("Allow", "\"execute-api:Invoke\"", "\"*\"",
                    "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}")),
            policy(statement("Allow", "\"execute-api:Invoke\"", "\"*\"",
                    "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}")),
        }) {
            assertThatThrownBy(() -> ResourcePolicy.compile(json, location))
                    .as(json)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(location);
        }
    }
}
