package dev.apigw.model;

/** {@code x-amazon-apigateway-api-key-source}: where the API key is read from. */
public enum ApiKeySource {
    HEADER,
    AUTHORIZER;

    public static ApiKeySource fromSpec(String value) {
        return SpecEnums.parse(ApiKeySource.class, value, "");
    }
}
