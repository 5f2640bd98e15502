package dev.apigw.model;

/** {@code x-amazon-apigateway-authorizer.type}. */
public enum AuthorizerType {
    TOKEN,
    REQUEST,
    COGNITO_USER_POOLS,
    JWT;

    public static AuthorizerType fromSpec(String value) {
        return SpecEnums.parse(AuthorizerType.class, value, "");
    }
}
